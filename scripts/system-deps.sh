#!/usr/bin/env bash
# Debian packages the tests need: Chromium (browser test, chart images), PostgreSQL (findings store),
# Pango and DejaVu fonts (PDF export with weasyprint), poppler-utils (reading PDFs back) and HAProxy (the
# load balancer of scripts/serve_cluster.py, used by tests/test_cluster.py and `make bench`). Installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need+=(haproxy)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "Mangler systempakker: ${need[*]}. Kjør som root, eller: sudo apt-get install -y ${need[*]}" >&2
    # --soft (make run): the app starts anyway; only the report export needs these packages.
    [ "${1:-}" = "--soft" ] && exit 0
    exit 1
  fi
  echo "Installerer systempakker: ${need[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi
