"""A generated corpus of bad or awkward import files, each with what must happen.

``corpus()`` returns ``Case``s: a file name, its bytes, and the expectation — either ``error`` (a
substring the Norwegian message must contain) or ``rows`` (the number of canonical rows the import must
give), plus optional substrings the report's notes/skipped reasons must contain. Nothing here is real
data; the 200 MB case is a fake size (the size check runs before reading), not 200 MB in memory.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from dataclasses import dataclass, field

HEADER = "Enhetsnavn;Skoletype;Vurderingsområde;Statistikk;Indikator/delskår;Periode;Eierform;Trinn;Kjønn;Verdi;Måleenhet"
STAT5 = "Nasjonale prøver 5. trinn"


def sp_row(name="Ås skole", subj="Lesing", period="2018-2019", kjonn="Begge kjønn", value="52", trinn="Trinn 5",
           unit="Skalapoeng", stat=STAT5) -> str:
    return ";".join([name, "Grunnskole", "Læringsresultater", stat, subj, period, "Offentlig", trinn, kjonn, value, unit])


def sp_file(rows: list[str], header: str = HEADER, sep: str = ";", eol: str = "\n") -> str:
    lines = [header] + rows
    if sep != ";":
        lines = [ln.replace(";", sep) for ln in lines]
    return eol.join(lines) + eol


GOOD_ROWS = [sp_row(kjonn=k, value=v) for k, v in (("Begge kjønn", "52"), ("Jenter", "53"), ("Gutter", "."))]

NP_HEADER = ("EnhetNivaa\tNasjonaltkode\tFylkekode\tKommunekode\tOrganisasjonsnummer\tNasjonalt\tFylke\tKommune\t"
             "EnhetNavn\t2024-25.Lesing.5. årstrinn.Alle eierformer.Alle kjønn.Skalapoeng\t"
             "2024-25.Lesing.5. årstrinn.Alle eierformer.Alle kjønn.Antall elever deltatt")


def np_file(rows: list[str], encoding: str = "utf-16", sep_line: bool = True) -> bytes:
    text = ("sep=\t\n" if sep_line else "") + NP_HEADER + "\n" + "\n".join(rows) + "\n"
    return text.encode(encoding)


NP_ROWS = [
    "1\tI\t00\t0000\tI\tHele landet\tAlle fylker\tAlle kommuner\tAlle skoler\t50\t56 833",
    "3\tI\t42\t4203\t4203\tHele landet\tAgder\tArendal\tAlle skoler\t48\t473",
    "4\tI\t42\t4203\t975280888\tHele landet\tAgder\tArendal\tAsdal skole \t46\t37",
    "4\tI\t42\t4203\t975283003\tHele landet\tAgder\tArendal\tBirkenlund skole\t*\t*",
]


@dataclass
class Case:
    name: str
    file_name: str
    data: bytes
    error: str | None = None  # substring of the message when the import must fail
    rows: int | None = None  # canonical rows when it must succeed
    report_has: list[str] = field(default_factory=list)  # substrings of notes / skipped reasons / markers
    fake_size: int | None = None  # pretend the file is this big (size-limit case)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for k, v in files.items():
            zf.writestr(k, v)
    return buf.getvalue()


def _xlsx(rows: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def corpus() -> list[Case]:
    good = sp_file(GOOD_ROWS)
    c: list[Case] = []
    add = c.append
    # --- encodings ---------------------------------------------------------------------------------
    add(Case("utf8", "a.csv", good.encode("utf-8"), rows=3))
    add(Case("utf8 bom", "a.csv", codecs.BOM_UTF8 + good.encode("utf-8"), rows=3))
    add(Case("cp1252", "a.csv", good.encode("cp1252"), rows=3, report_has=[]))
    add(Case("utf16 bom", "a.csv", good.encode("utf-16"), rows=3))
    add(Case("utf16 be no bom", "a.csv", good.encode("utf-16-be"), rows=3))
    add(Case("double-encoded utf8", "a.csv", good.encode("utf-8").decode("cp1252").encode("utf-8"), rows=3))
    add(Case("latin1 undecodable", "a.csv", b"\x81\x8d\x8f\x90\x9d;" * 20, error="Tegnkodingen er ukjent"))
    add(Case("utf8 bom with invalid bytes", "a.csv", codecs.BOM_UTF8 + good.encode("utf-8") + b"\xff\xfe\xfa",
             error="ugyldige tegn"))
    # --- delimiters and line ends ------------------------------------------------------------------
    add(Case("comma", "a.csv", sp_file(GOOD_ROWS, sep=",").encode(), rows=3))
    add(Case("tab", "a.csv", sp_file(GOOD_ROWS, sep="\t").encode(), rows=3))
    add(Case("crlf", "a.csv", sp_file(GOOD_ROWS, eol="\r\n").encode(), rows=3))
    add(Case("sep line", "a.csv", ("sep=;\n" + good).encode(), rows=3))
    add(Case("mixed delimiters", "a.csv", (good + sp_row(period="2019-2020").replace(";", ",") + "\n").encode(),
             error="linje 5"))
    add(Case("no delimiter", "a.csv", b"just some words\nmore words\n", error="Fant ingen skilletegn"))
    # --- structure -----------------------------------------------------------------------------------
    add(Case("empty file", "a.csv", b"", error="tom"))
    add(Case("only blank lines", "a.csv", b"\n\n\n", error="tom"))
    add(Case("header only", "a.csv", (HEADER + "\n").encode(), error="bare overskriftslinjen"))
    add(Case("missing column", "a.csv",
             sp_file([";".join(r.split(";")[:9] + r.split(";")[10:]) for r in GOOD_ROWS],
                     header=HEADER.replace(";Verdi", "")).encode(), error="Mangler kolonnene Verdi"))
    add(Case("extra column", "a.csv", sp_file([r + ";x" for r in GOOD_ROWS], header=HEADER + ";Kommentar").encode(),
             rows=3, report_has=["Kommentar"]))
    add(Case("columns in other order", "a.csv",
             sp_file([";".join(reversed(r.split(";"))) for r in GOOD_ROWS],
                     header=";".join(reversed(HEADER.split(";")))).encode(), rows=3))
    add(Case("duplicate header names", "a.csv", sp_file(GOOD_ROWS, header=HEADER.replace("Eierform", "Trinn")).encode(),
             error="samme kolonnenavn"))
    add(Case("short row", "a.csv", (good + "Ås skole;Grunnskole\n").encode(), error="linje 5"))
    add(Case("unknown layout", "a.csv", b"a;b;c\n1;2;3\n", error="Ukjent filformat"))
    add(Case("ssb klass list", "a.csv", '"code";"parentCode";"level";"name";"shortName";"notes";"validFrom";"validTo"\n'
             '"0301";;"1";"Oslo";"";"";"2020-01-01";""\n'.encode("latin-1"), error="SSB Klass"))
    # --- rows and values -------------------------------------------------------------------------
    add(Case("duplicated rows", "a.csv", sp_file(GOOD_ROWS + GOOD_ROWS[:2]).encode(), rows=3,
             report_has=["kopier"]))
    add(Case("conflicting duplicates", "a.csv", sp_file(GOOD_ROWS + [sp_row(value="40")]).encode(),
             error="Motstridende tall"))
    add(Case("non-numeric value", "a.csv", sp_file(GOOD_ROWS + [sp_row(period="2019-2020", value="abc")]).encode(),
             rows=3, report_has=["verken et tall"]))
    add(Case("unknown marker", "a.csv", sp_file(GOOD_ROWS + [sp_row(period="2019-2020", value="§")]).encode(),
             rows=3, report_has=["verken et tall"]))
    add(Case("suppressed star", "a.csv", sp_file(GOOD_ROWS + [sp_row(period="2019-2020", value="*")]).encode(),
             rows=4, report_has=["Skjermet"]))
    add(Case("decimal comma", "a.csv", sp_file([sp_row(value="52,5")]).encode(), rows=1))
    add(Case("out of range", "a.csv", sp_file(GOOD_ROWS + [sp_row(period="2019-2020", value="150")]).encode(),
             rows=3, report_has=["utenfor gyldig område"]))
    add(Case("negative value", "a.csv", sp_file(GOOD_ROWS + [sp_row(period="2019-2020", value="-3")]).encode(),
             rows=3, report_has=["utenfor gyldig område"]))
    add(Case("bad period", "a.csv", sp_file(GOOD_ROWS + [sp_row(period="våren 2019")]).encode(), rows=3,
             report_has=["Ukjent skoleår"]))
    add(Case("short period form", "a.csv", sp_file([sp_row(period="2018-19")]).encode(), rows=1))
    add(Case("bad trinn", "a.csv", sp_file(GOOD_ROWS + [sp_row(trinn="Trinn X")]).encode(), rows=3,
             report_has=["Ukjent trinn"]))
    add(Case("bad kjønn", "a.csv", sp_file(GOOD_ROWS + [sp_row(kjonn="Ukjent")]).encode(), rows=3,
             report_has=["Ukjent kjønn"]))
    add(Case("unknown indicator", "a.csv", sp_file(GOOD_ROWS + [sp_row(unit="Poeng per time")]).encode(), rows=3,
             report_has=["Ukjent indikator"]))
    add(Case("all rows unusable", "a.csv", sp_file([sp_row(unit="Noe annet")]).encode(), error="Ingen tall"))
    add(Case("formula-looking cells", "a.csv",
             sp_file([sp_row(name="=HYPERLINK(\"http://x\")"), sp_row(name="@SUM(A1)", value="=1+2")]).encode(),
             rows=1, report_has=["verken et tall"]))
    add(Case("unicode names", "a.csv", sp_file([sp_row(name="Čáhcesuolu skuvla 🏫"),
                                                 sp_row(name="Ájluokta / Drag skole")]).encode(), rows=2))
    add(Case("quoted fields", "a.csv", sp_file(['"Ås skole";' + ";".join(GOOD_ROWS[0].split(";")[1:])]).encode(), rows=1))
    add(Case("trailing blank lines", "a.csv", (good + "\n\n\n").encode(), rows=3))
    # --- binary and other formats ------------------------------------------------------------------
    add(Case("zip renamed csv", "a.csv", _zip({"a.csv": good.encode()}), error="ZIP-fil"))
    add(Case("xlsx renamed csv", "a.csv", _xlsx([NP_HEADER.split("\t")] + [r.split("\t") for r in NP_ROWS]), rows=4))
    add(Case("old xls", "a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, error=".xls"))
    add(Case("pdf", "a.csv", b"%PDF-1.4\n...", error="PDF"))
    add(Case("binary garbage", "a.csv", bytes(range(256)) * 4, error="ikke en tekstfil"))
    add(Case("broken xlsx", "a.xlsx", _zip({"xl/workbook.xml": b"<not xml"}), error="Excel-filen kunne ikke åpnes"))
    add(Case("xlsx unknown header", "a.xlsx", _xlsx([["a", "b"], [1, 2]]), error="Fant ingen ark"))
    add(Case("200 MB file", "big.csv", good.encode(), fake_size=200 * 1024 * 1024, error="Grensen er 150 MB"))
    # --- statistikkbanken layout ---------------------------------------------------------------------
    add(Case("np utf16", "np.csv", np_file(NP_ROWS), rows=4, report_has=["Skjermet"]))
    add(Case("np utf8 no sep line", "np.csv", np_file(NP_ROWS, "utf-8", sep_line=False), rows=4))
    add(Case("np bad level", "np.csv", np_file(NP_ROWS + ["9\tI\t42\t4203\t1\tx\tx\tx\tx\t50\t10"]), rows=4,
             report_has=["Ukjent EnhetNivaa"]))
    add(Case("np no value columns", "np.csv", ("EnhetNivaa\tEnhetNavn\n1\tHele landet\n").encode(),
             error="Fant ingen tallkolonner"))
    add(Case("np lost leading zeros", "np.csv",
             np_file(["3\tI\t3\t301\t301\tHele landet\tOslo\tOslo\tAlle skoler\t55\t5 000"]), rows=1))
    # --- JSON ---------------------------------------------------------------------------------------
    add(Case("invalid json", "a.json", b'{"class": "dataset", ', error="Ugyldig JSON"))
    add(Case("json not jsonstat", "a.json", b'{"a": 1}', error="ikke et JSON-stat2-datasett"))
    return c
