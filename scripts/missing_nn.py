"""List the bokmål UI strings that have no nynorsk text yet (for the merge of new NB keys).

Usage: ``.venv/bin/python scripts/missing_nn.py`` prints one line per missing key with its bokmål text,
ready to be translated and pasted into ``present/strings_nn.py``. Exit status 1 when keys are missing
and ``--check`` is given.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from present.strings import NB, NN, missing_nn  # noqa: E402


def main(argv: list[str]) -> int:
    missing = missing_nn()
    for key in missing:
        print(f"    {key!r}: {NB[key]!r},".replace("'", '"') if '"' not in NB[key] else f"    {key!r}: {NB[key]!r},")
    extra = sorted(set(NN) - set(NB))
    for key in extra:
        print(f"# in NN but not in NB: {key}")
    print(f"# {len(missing)} bokmål keys lack nynorsk ({len(NB)} keys in all).")
    return 1 if "--check" in argv and missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
