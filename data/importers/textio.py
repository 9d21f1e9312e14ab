"""Bytes to a table of strings: size limit, binary sniffing, encodings, Excel's ``sep=`` line, delimiters.

Decoding order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, NUL bytes in the first
kilobytes mean UTF-16 without BOM; otherwise strict UTF-8, and Windows-1252 when UTF-8 fails. Text that
was UTF-8 read as Windows-1252 once already ("Ã¸" for "ø") is repaired when the repair is lossless.

The CSV itself is parsed with pyarrow (fast, multi-threaded) with every column as text; when pyarrow
refuses a file, the slow path with Python's ``csv`` module finds the first bad line for the message.
"""

from __future__ import annotations

import codecs
import csv
import io
import re

import pyarrow as pa
import pyarrow.csv as pacsv

from data.importers.errors import ImportFailure
from data.importers.limits import LIMITS

MAX_FILE_MB = LIMITS.file_mb
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
DELIMITERS = {";": "semikolon (;)", "\t": "tabulator", ",": "komma (,)", "|": "loddrett strek (|)"}
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf¸¥¦˜…†]|Ã\u0098|Ã\u0085")


def file_size_mb(size: int) -> str:
    """File size in MB with a decimal comma, precise enough that a file over the limit never reads as the limit.

    150.4 MB -> '150,4' (not '150'); 150.000001 MB -> '150,01'; 300 MB -> '300'.
    """
    import math

    mb = size / 1024 / 1024
    for d in (0, 1, 2):
        shown = round(mb, d)
        if mb <= MAX_FILE_MB or shown > MAX_FILE_MB:
            return f"{shown:.{d}f}".replace(".", ",")
    return f"{math.ceil(mb * 100) / 100:.2f}".replace(".", ",")


def check_size(file_name: str, size: int) -> None:
    """Refuse files above the stated limit and empty files (before anything is read)."""
    if size > MAX_FILE_BYTES:
        raise ImportFailure(
            file_name,
            f"Filen er {file_size_mb(size)} MB. Grensen er {MAX_FILE_MB} MB per fil. "
            "Del opp eksporten (for eksempel per skoleår eller per fylke) og last opp delene.",
        )
    if size == 0:
        raise ImportFailure(file_name, "Filen er tom (0 byte). Forventet en eksport med en overskriftslinje og tall.")


def sniff_binary(raw: bytes) -> str | None:
    """'zip', 'xls' (old Excel), 'pdf', 'binary' or None for text."""
    head = raw[:8]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:3] == codecs.BOM_UTF8:
        return None
    sample = raw[:4096]
    if b"\x00" in sample:
        # UTF-16 without BOM has NULs in every other byte; anything else with NULs is binary.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if max(even, odd) > 0.3 * len(sample) / 2 and min(even, odd) < 0.05 * len(sample) / 2:
            return None
        return "binary"
    return None


def decode(file_name: str, raw: bytes) -> tuple[str, str]:
    """Decode to text; return (text, encoding label for the report)."""
    if raw.startswith(codecs.BOM_UTF8):
        text, label = _strict(file_name, raw[3:], "utf-8"), "UTF-8 med BOM"
    elif raw.startswith(codecs.BOM_UTF16_LE):
        text, label = _strict(file_name, raw[2:], "utf-16-le"), "UTF-16 LE med BOM"
    elif raw.startswith(codecs.BOM_UTF16_BE):
        text, label = _strict(file_name, raw[2:], "utf-16-be"), "UTF-16 BE med BOM"
    elif b"\x00" in raw[:4096]:
        sample = raw[:4096]
        enc = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        text, label = _strict(file_name, raw, enc), f"{enc.upper()} uten BOM"
    else:
        try:
            text, label = raw.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as exc:
            _refuse_broken_utf8(file_name, raw, exc)
            try:
                text, label = raw.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError as exc:
                line = raw[: exc.start].count(b"\n") + 1
                raise ImportFailure(
                    file_name,
                    "Tegnkodingen er ukjent: filen er verken UTF-8, UTF-16 eller Windows-1252. "
                    "Lagre eksporten på nytt som CSV (UTF-8).",
                    line,
                ) from None
    if text.startswith("\ufeff"):  # a second byte-order mark (a file saved twice with BOM)
        text = text.lstrip("\ufeff")
        label += " (dobbel BOM fjernet)"
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFailure(file_name, "Filen inneholder binære tegn (NUL) og er ikke en tekstfil (CSV).", line)
    repaired = repair_mojibake(text)
    if repaired is not text:
        label += " (dobbeltkodet tekst reparert)"
    return repaired, label


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _refuse_broken_utf8(file_name: str, raw: bytes, exc: UnicodeDecodeError) -> None:
    """A file that is UTF-8 except at the end (cut off) or on some lines (mixed encodings) is refused:
    reading it all as Windows-1252 would turn every «ø» into «Ã¸» (issue 14)."""
    line = raw[: exc.start].count(b"\n") + 1
    if exc.end >= len(raw) and "unexpected end" in str(exc.reason):
        raise ImportFailure(file_name, "Filen slutter midt i et tegn: den er trolig avkortet (ufullstendig nedlasting "
                            "eller kopiering). Last ned eksporten på nytt.", line)
    if _UTF8_MULTIBYTE.search(raw[: exc.start]) or _UTF8_MULTIBYTE.search(raw[exc.end:]):
        raise ImportFailure(file_name, "Filen blander tegnkodinger: den er UTF-8, men denne linjen har tegn i en annen "
                            "koding (for eksempel Windows-1252) eller en ødelagt byte. Lagre hele filen på nytt som "
                            "UTF-8, eller eksporter den på nytt.", line)


def _strict(file_name: str, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        unit = 2 if encoding.startswith("utf-16") else 1
        line = raw[: exc.start].decode(encoding, errors="replace").count("\n") + 1 if unit else None
        raise ImportFailure(
            file_name,
            f"Filen sier den er {encoding.upper()}, men inneholder ugyldige tegn. "
            "Eksporter filen på nytt uten å redigere den.",
            line,
        ) from None


def repair_mojibake(text: str) -> str:
    """Undo one round of UTF-8-read-as-Windows-1252 ('SkÃ¸le' -> 'Skøle') when that is lossless."""
    head = text[:200_000]
    if not _MOJIBAKE.search(head):
        return text
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return fixed


def split_sep_line(text: str) -> tuple[str, str | None, int]:
    """Strip Excel's 'sep=X' first line; return (text, delimiter or None, lines removed)."""
    if text.startswith("sep="):
        end = text.find("\n")
        first = text[: end if end >= 0 else len(text)].rstrip("\r")
        delim = first[4:5] or None
        return (text[end + 1 :] if end >= 0 else ""), delim, 1
    return text, None, 0


def sniff_delimiter(file_name: str, header: str, line: int) -> str:
    """The delimiter of a header line: the most frequent of ; tab , | (must occur)."""
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        raise ImportFailure(
            file_name,
            "Fant ingen skilletegn i overskriftslinjen (forventet semikolon, tabulator eller komma mellom "
            f"kolonnene). Linjen var: «{header[:120]}».",
            line,
        )
    return best


def first_line(text: str) -> str:
    end = text.find("\n")
    return (text if end < 0 else text[:end]).rstrip("\r")


def read_table(
    file_name: str, text: str | None, delimiter: str, first_line_no: int, data: bytes | memoryview | None = None,
    dictionary: bool = False,
) -> pa.Table:
    """Parse CSV text (header + rows) with every column as text. Raises ImportFailure with a line number.

    ``data``: the same content as UTF-8 bytes when the caller has them (saves re-encoding a large file).
    ``dictionary``: read columns dictionary-encoded (cheap categoricals for long, repetitive files).
    """
    if data is None:
        data = text.encode("utf-8")
    if text is None:  # only the header line is decoded here; the whole text only for an error message
        text_head = bytes(data[: min(len(data), 1 << 20)]).decode("utf-8", errors="replace")
        header = next(csv.reader([first_line(text_head)], delimiter=delimiter))
    else:
        header = next(csv.reader([first_line(text)], delimiter=delimiter))
    names = [h.strip() for h in header]
    # Excel adds empty trailing columns (trailing tabs): give them distinct names, they are unused.
    names = [n or f"_tom_{i}" for i, n in enumerate(names)]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise ImportFailure(file_name, f"Overskriften har samme kolonnenavn flere ganger: {', '.join(dup)}.",
                            first_line_no)
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            # One thread: the machine's cores are shared, and threads gave no gain there.
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=16 << 20, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types={n: (pa.dictionary(pa.int32(), pa.string()) if dictionary else pa.string())
                              for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        if text is None:
            text = bytes(data).decode("utf-8", errors="replace")
        line, got = _first_bad_line(text, delimiter, len(names))
        if line is None:
            raise ImportFailure(file_name, "Filen kunne ikke leses som CSV (ugyldig sitering eller linjeskift i felt).",
                                first_line_no) from None
        raise ImportFailure(
            file_name,
            f"Linjen har {got} felt, men overskriften har {len(names)} (skilletegn {DELIMITERS[delimiter]}). "
            "Kontroller at hele filen bruker samme skilletegn og ikke er redigert for hånd.",
            first_line_no + line - 1,
        ) from None
    return table


def _first_bad_line(text: str, delimiter: str, expected: int) -> tuple[int | None, int]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for i, row in enumerate(reader, start=1):
            if row and len(row) != expected:
                return i, len(row)
    except csv.Error:
        return reader.line_num, 0
    return None, 0
