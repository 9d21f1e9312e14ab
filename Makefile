# The two commands (see README): `make run` starts the app on the demo data; `make test` runs every test.
# Both set up what they need themselves (virtualenv, packages; `make test` also Chromium and PostgreSQL).
PORT ?= 8501
ADDRESS ?= 127.0.0.1

.PHONY: run test setup bench clean

setup:
	bash scripts/setup.sh

run: setup
	bash scripts/system-deps.sh --soft
	.venv/bin/python scripts/serve.py --server.headless true --server.address $(ADDRESS) --server.port $(PORT)

test:
	bash scripts/test.sh

bench: setup
	bash scripts/system-deps.sh --soft
	.venv/bin/python scripts/bench.py

clean:
	rm -rf .venv var test-output
