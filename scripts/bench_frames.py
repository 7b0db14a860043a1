#!/usr/bin/env python3
"""pandas frames and SQLite, as ratios within one run.

    python3 scripts/bench_frames.py [--corpus DIR] [--copies N] [--repeat N] [--form4 PATH] [--no-sqlite]

1. form4.frames over the corpus's XML files (in memory, --copies times over)
   against the ElementTree loop a pandas user writes to build the same eight
   DataFrames (every SEC column, dates as datetime64, numbers as float64,
   flags as booleans), best of --repeat;
2. what bounds it: the C++ parse alone (form4_parse through ctypes, less the
   cost of as many empty ctypes calls) and the library's whole call; then the
   serial part of a form4.frames call per document: what runs on the calling
   thread after the library returns its columns (export, numpy, pandas),
   which no number of threads shortens, broken down by kind of column;
3. `form4 tables --sqlite` against `form4 tables --out` (TSV) on the same
   inputs: the corpus's XML files linked under --copies times as many
   accession numbers (distinct filings), into a new database each run.

Needs numpy and pandas (Debian's python3-pandas). The library is found as the
package finds it (FORM4_LIBRARY, or a build*/capi of this checkout).
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import gc
import importlib
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import pandas

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "capi" / "python"))

import form4  # noqa: E402
from form4 import _capi  # noqa: E402

# ---------------------------------------------------------------------------
# The ElementTree loop: the SEC's columns from the XML, then typed by pandas.

FOOTNOTED, PLAIN = True, False
COMMON = [("SECURITY_TITLE", "securityTitle", FOOTNOTED)]
OWNERSHIP = [
    ("SHRS_OWND_FOLWNG_TRANS", "postTransactionAmounts/sharesOwnedFollowingTransaction", FOOTNOTED),
    ("VALU_OWND_FOLWNG_TRANS", "postTransactionAmounts/valueOwnedFollowingTransaction", FOOTNOTED),
    ("DIRECT_INDIRECT_OWNERSHIP", "ownershipNature/directOrIndirectOwnership", FOOTNOTED),
    ("NATURE_OF_OWNERSHIP", "ownershipNature/natureOfOwnership", FOOTNOTED),
]
TRANSACTION = [
    ("TRANS_DATE", "transactionDate", FOOTNOTED),
    ("DEEMED_EXECUTION_DATE", "deemedExecutionDate", FOOTNOTED),
    ("TRANS_TIMELINESS", "transactionTimeliness", FOOTNOTED),
    ("TRANS_SHARES", "transactionAmounts/transactionShares", FOOTNOTED),
    ("TRANS_PRICEPERSHARE", "transactionAmounts/transactionPricePerShare", FOOTNOTED),
    ("TRANS_ACQUIRED_DISP_CD", "transactionAmounts/transactionAcquiredDisposedCode", FOOTNOTED),
]
DERIVATIVE = [
    ("CONV_EXERCISE_PRICE", "conversionOrExercisePrice", FOOTNOTED),
    ("EXCERCISE_DATE", "exerciseDate", FOOTNOTED),
    ("EXPIRATION_DATE", "expirationDate", FOOTNOTED),
    ("UNDLYNG_SEC_TITLE", "underlyingSecurity/underlyingSecurityTitle", FOOTNOTED),
    ("UNDLYNG_SEC_SHARES", "underlyingSecurity/underlyingSecurityShares", FOOTNOTED),
    ("UNDLYNG_SEC_VALUE", "underlyingSecurity/underlyingSecurityValue", FOOTNOTED),
]
ROWS = {
    "NONDERIV_TRANS": ("nonDerivativeTable/nonDerivativeTransaction", COMMON + TRANSACTION + OWNERSHIP),
    "NONDERIV_HOLDING": ("nonDerivativeTable/nonDerivativeHolding", COMMON + OWNERSHIP),
    "DERIV_TRANS": ("derivativeTable/derivativeTransaction",
                    COMMON + TRANSACTION + DERIVATIVE
                    + [("TRANS_TOTAL_VALUE", "transactionAmounts/transactionTotalValue", FOOTNOTED)] + OWNERSHIP),
    "DERIV_HOLDING": ("derivativeTable/derivativeHolding", COMMON + DERIVATIVE + OWNERSHIP),
}
DATES = {"PERIOD_OF_REPORT", "DATE_OF_ORIG_SUB", "TRANS_DATE", "DEEMED_EXECUTION_DATE", "EXCERCISE_DATE",
         "EXERCISE_DATE", "EXPIRATION_DATE", "OWNERSIGNATUREDATE"}
NUMBERS = {"TRANS_SHARES", "TRANS_PRICEPERSHARE", "SHRS_OWND_FOLWNG_TRANS", "VALU_OWND_FOLWNG_TRANS",
           "CONV_EXERCISE_PRICE", "TRANS_TOTAL_VALUE", "UNDLYNG_SEC_SHARES", "UNDLYNG_SEC_VALUE"}
FLAGS = {"NO_SECURITIES_OWNED", "NOT_SUBJECT_SEC16", "FORM3_HOLDINGS_REPORTED", "FORM4_TRANS_REPORTED",
         "AFF10B5ONE", "EQUITY_SWAP_INVOLVED"}


def text(element, path):
    found = element.find(path)
    return "" if found is None or found.text is None else found.text.strip()


def footnotes(element):
    return ", ".join(note.get("id") for note in element.iter("footnoteId"))


def etree_rows(accession: str, data: bytes, tables: dict) -> None:
    root = ET.fromstring(data)
    issuer = root.find("issuer")
    tables["SUBMISSION"].append({
        "ACCESSION_NUMBER": accession, "PERIOD_OF_REPORT": text(root, "periodOfReport"),
        "DATE_OF_ORIG_SUB": text(root, "dateOfOriginalSubmission"),
        "NO_SECURITIES_OWNED": text(root, "noSecuritiesOwned"),
        "NOT_SUBJECT_SEC16": text(root, "notSubjectToSection16"),
        "FORM3_HOLDINGS_REPORTED": text(root, "form3HoldingsReported"),
        "FORM4_TRANS_REPORTED": text(root, "form4TransactionsReported"), "DOCUMENT_TYPE": text(root, "documentType"),
        "ISSUERCIK": text(issuer, "issuerCik") if issuer is not None else "",
        "ISSUERNAME": text(issuer, "issuerName") if issuer is not None else "",
        "ISSUERTRADINGSYMBOL": text(issuer, "issuerTradingSymbol") if issuer is not None else "",
        "REMARKS": text(root, "remarks"), "AFF10B5ONE": text(root, "aff10b5One")})
    for owner in root.iterfind("reportingOwner"):
        relationship = owner.find("reportingOwnerRelationship")
        roles = [name for name, tag in (("DIRECTOR", "isDirector"), ("OFFICER", "isOfficer"),
                                        ("TENPERCENTOWNER", "isTenPercentOwner"), ("OTHER", "isOther"))
                 if relationship is not None and text(relationship, tag) in ("1", "true")]
        tables["REPORTINGOWNER"].append({
            "ACCESSION_NUMBER": accession, "RPTOWNERCIK": text(owner, "reportingOwnerId/rptOwnerCik"),
            "RPTOWNERNAME": text(owner, "reportingOwnerId/rptOwnerName"), "RPTOWNER_RELATIONSHIP": ",".join(roles),
            "RPTOWNER_TITLE": text(owner, "reportingOwnerRelationship/officerTitle"),
            "RPTOWNER_TXT": text(owner, "reportingOwnerRelationship/otherText"),
            **{column: text(owner, "reportingOwnerAddress/" + tag) for column, tag in (
                ("RPTOWNER_STREET1", "rptOwnerStreet1"), ("RPTOWNER_STREET2", "rptOwnerStreet2"),
                ("RPTOWNER_CITY", "rptOwnerCity"), ("RPTOWNER_STATE", "rptOwnerState"),
                ("RPTOWNER_ZIPCODE", "rptOwnerZipCode"), ("RPTOWNER_STATE_DESC", "rptOwnerStateDescription"))}})
    for table, (path, columns) in ROWS.items():
        for number, element in enumerate(root.iterfind(path), 1):
            row = {"ACCESSION_NUMBER": accession, table + "_SK": number}
            for column, child, footnoted in columns:
                found = element.find(child)
                value = None if found is None else found.findtext("value")
                row[column] = "" if value is None else value.strip()
                if footnoted:
                    row[column + "_FN"] = "" if found is None else footnotes(found)
            coding = element.find("transactionCoding")
            if coding is not None:
                row["TRANS_FORM_TYPE"] = text(coding, "transactionFormType")
                row["TRANS_CODE"] = text(coding, "transactionCode")
                row["EQUITY_SWAP_INVOLVED"] = text(coding, "equitySwapInvolved")
            tables[table].append(row)
    for note in root.iterfind("footnotes/footnote"):
        tables["FOOTNOTES"].append({"ACCESSION_NUMBER": accession, "FOOTNOTE_ID": note.get("id", ""),
                                    "FOOTNOTE_TXT": "".join(note.itertext()).strip()})
    for signature in root.iterfind("ownerSignature"):
        tables["OWNER_SIGNATURE"].append({"ACCESSION_NUMBER": accession,
                                          "OWNERSIGNATURENAME": text(signature, "signatureName"),
                                          "OWNERSIGNATUREDATE": text(signature, "signatureDate")})


def etree_frames(documents) -> dict:
    tables = {name: [] for name in ("SUBMISSION", "REPORTINGOWNER", *ROWS, "FOOTNOTES", "OWNER_SIGNATURE")}
    for accession, data in documents:
        try:
            etree_rows(accession, data, tables)
        except ET.ParseError:
            pass
    frames = {}
    for name, rows in tables.items():
        frame = pandas.DataFrame(rows)
        for column in frame.columns:
            if column in DATES:
                frame[column] = pandas.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
            elif column in NUMBERS:
                frame[column] = pandas.to_numeric(frame[column], errors="coerce")
            elif column in FLAGS:
                frame[column] = frame[column].map({"1": True, "true": True, "0": False, "false": False}).astype("boolean")
            elif not column.endswith("_SK"):
                frame[column] = frame[column].replace("", None)
        frames[name] = frame
    return frames


# ---------------------------------------------------------------------------


def best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def serial_share(sources, threads: int, repeat: int, **options) -> tuple:
    """(whole call, the part after the library returned, the calling thread's
    CPU time in that part) in seconds, from the best of `repeat` calls. The
    CPU time is what the part costs on an idle machine: on a shared one the
    wall time also holds the time other processes had the core."""
    original = _capi.lib.form4_dataset_columns_from_inputs
    marks = {}

    def timed(*args):
        status = original(*args)
        marks["returned"] = time.perf_counter()
        marks["returned_cpu"] = time.thread_time()
        return status

    results = []
    _capi.lib.form4_dataset_columns_from_inputs = timed
    try:
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            form4.frames(sources, errors="skip", threads=threads, **options)
            end, end_cpu = time.perf_counter(), time.thread_time()
            results.append((end - start, end - marks["returned"], end_cpu - marks["returned_cpu"]))
    finally:
        _capi.lib.form4_dataset_columns_from_inputs = original
    return min(results)


def parse_alone(sources, repeat: int) -> float:
    """Seconds to parse `sources` one by one (form4_parse and free through
    ctypes), less as many pairs of empty ctypes calls: about the C++ parse's
    own cost (a little over it: form4_parse's argument conversion stays)."""
    lib = _capi.lib
    result = _capi.ResultP()
    out = ctypes.byref(result)

    def parse():
        for data in sources:
            lib.form4_parse(out, data, len(data), None)
            lib.form4_result_free(result)

    def calls():
        for _ in sources:
            lib.form4_version_number()
            lib.form4_version_number()

    return max(0.0, best(parse, repeat) - best(calls, repeat))


def library_alone(sources, threads: int, repeat: int) -> float:
    """Seconds of form4_dataset_columns_from_inputs alone (filings in memory)."""
    import numpy
    frames_module = importlib.import_module("form4.frames")
    array = frames_module._in_memory_inputs(numpy, sources)
    inputs = array.ctypes.data_as(ctypes.POINTER(_capi.Input))

    def call():
        handle = _capi.ColumnsP()
        _capi.check(_capi.lib.form4_dataset_columns_from_inputs(
            ctypes.byref(handle), None, None, inputs, len(sources), None, None, threads))
        _capi.lib.form4_columns_free(handle)

    return best(call, repeat)


KINDS = {b"i": "text columns", b"g": "numbers (float64 views)", b"l": "row numbers (int64 views)",
         b"b": "flags (boolean)", b"tdD": "dates (datetime64)"}


def serial_breakdown(sources, threads: int, repeat: int, **options) -> dict:
    """The calling thread's CPU seconds after the library returned, by kind
    of column, the rest being export and the DataFrames' construction; from
    the best of `repeat` calls (timed apart from serial_share: the timers
    cost a little)."""
    reader = importlib.import_module("form4.frames")._Reader
    original = reader.column
    spent = collections.Counter()

    def column(self, schema, array):
        start = time.thread_time()
        values = original(self, schema, array)
        spent[KINDS.get(schema.format, "exact numbers (Decimal)")] += time.thread_time() - start
        return values

    reader.column = column
    try:
        runs = []
        for _ in range(repeat):
            spent.clear()
            _, _, serial = serial_share(sources, threads, 1, **options)
            parts = dict(spent)
            parts["export, DataFrames, the rest"] = serial - sum(spent.values())
            runs.append((serial, parts))
    finally:
        reader.column = original
    return min(runs, key=lambda run: run[0])[1]


def sqlite_against_tsv(command: str, corpus: pathlib.Path, copies: int, repeat: int) -> None:
    # Files named by accession number (the others cannot be keyed in the database).
    files = sorted(p for p in (corpus / "xml").rglob("*.xml") if p.name[:10].isdigit())
    with tempfile.TemporaryDirectory(prefix="form4-bench-") as temp:
        temp = pathlib.Path(temp)
        inputs = temp / "filings"
        inputs.mkdir()
        for copy in range(copies):
            for index, path in enumerate(files):
                (inputs / f"{copy + 1:010d}-26-{index:06d}.xml").symlink_to(path)
        count = copies * len(files)

        def tsv():
            subprocess.run([command, "tables", "--out", str(temp / "tsv"), str(inputs)], capture_output=True)

        def sqlite():
            for leftover in temp.glob("bench.db*"):
                leftover.unlink()
            subprocess.run([command, "tables", "--sqlite", str(temp / "bench.db"), str(inputs)], capture_output=True)

        def sqlite_again():   # every filing already there: each replaced
            subprocess.run([command, "tables", "--sqlite", str(temp / "bench.db"), str(inputs)], capture_output=True)

        times = {"tsv": [], "sqlite": [], "again": []}
        for _ in range(repeat):   # taking turns, so that the machine's moods fall on all three
            for name, run in (("tsv", tsv), ("sqlite", sqlite), ("again", sqlite_again)):
                start = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - start)
        t_tsv, t_sqlite, t_again = (min(times[k]) for k in ("tsv", "sqlite", "again"))
        print(f"\n`form4 tables`, {count:,} filings ({copies} x {len(files)} XML files), best of {repeat}:")
        print(f"  --out (TSV)                   {count / t_tsv:10,.0f} filings/s   1.00x")
        print(f"  --sqlite, a new database      {count / t_sqlite:10,.0f} filings/s   {t_tsv / t_sqlite:.2f}x")
        print(f"  --sqlite, every filing again  {count / t_again:10,.0f} filings/s   {t_tsv / t_again:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--form4", default=None, help="the form4 program (default: build*/examples/form4/form4)")
    parser.add_argument("--no-sqlite", action="store_true", help="frames only")
    args = parser.parse_args()
    corpus = pathlib.Path(args.corpus)
    files = sorted((corpus / "xml").rglob("*.xml"))
    documents = [(p.stem, p.read_bytes()) for p in files]
    print(f"form4 {form4.__version__} ({form4.library_path}); pandas {pandas.__version__}; {os.cpu_count()} cores")
    print(f"{len(documents)} XML files, {sum(len(d) for _, d in documents) / 1e6:.1f} MB, in memory")

    sources = [data for _, data in documents]
    many = sources * args.copies
    m = len(many)
    # The bounds first, before any frames run in this process.
    t_parse = parse_alone(many, args.repeat)
    t_lib1 = library_alone(many, 1, args.repeat)
    t_lib2 = library_alone(many, 2, args.repeat)
    t_etree = best(lambda: etree_frames(documents), args.repeat)
    t_one = best(lambda: form4.frames(sources, errors="skip", threads=1), args.repeat)
    t_two = best(lambda: form4.frames(sources, errors="skip", threads=2), args.repeat)
    n = len(documents)
    print(f"\nThe eight DataFrames, best of {args.repeat}:        µs/document   vs ElementTree")
    print(f"  ElementTree loop + pandas typing         {t_etree / n * 1e6:10.1f}   1.0x")
    print(f"  form4.frames, 1 thread                   {t_one / n * 1e6:10.1f}   {t_etree / t_one:.1f}x")
    print(f"  form4.frames, 2 threads                  {t_two / n * 1e6:10.1f}   {t_etree / t_two:.1f}x")

    t_cats = best(lambda: form4.frames(sources, errors="skip", threads=2, categories=True), args.repeat)
    print(f"  form4.frames, 2 threads, categories=True   {t_cats / n * 1e6:10.1f}   {t_etree / t_cats:.1f}x")

    print(f"\nform4.frames over {m:,} documents ({args.copies} x the corpus) in one call; after the library returned"
          f"\n(export, numpy, pandas: serial), wall and the calling thread's CPU time, µs/document:")
    for threads, options in ((2, {}), (1, {}), (2, {"categories": True})):
        whole, serial, serial_cpu = serial_share(many, threads, args.repeat, **options)
        label = f"{threads} thread{'s' if threads > 1 else ''}" + (", categories=True" if options else "")
        print(f"  {label:26s} whole {whole / m * 1e6:7.2f} ({t_etree / n / (whole / m):5.1f}x ElementTree)   "
              f"serial {serial / m * 1e6:5.2f} wall, {serial_cpu / m * 1e6:5.2f} CPU")

    print(f"\nWhat bounds it, µs/document over the {m:,} documents:")
    print(f"  the C++ parse alone, 1 thread               {t_parse / m * 1e6:7.2f}   "
          f"(ElementTree / this: {t_etree / n / (t_parse / m):.1f}x)")
    print(f"  the library's call (parse, columns), 1 thread {t_lib1 / m * 1e6:5.2f}")
    print(f"  the library's call, 2 threads               {t_lib2 / m * 1e6:7.2f}")
    for options in ({}, {"categories": True}):
        print(f"  after the library returned, CPU of the calling thread, by part{' (categories=True)' if options else ''}:")
        for part, seconds in serial_breakdown(many, 2, args.repeat, **options).items():
            print(f"    {part:40s} {seconds / m * 1e6:6.2f}")

    if args.no_sqlite:
        return 0
    command = args.form4 or next((str(p) for p in sorted(ROOT.glob("build*/examples/form4/form4"))), None)
    if command:
        sqlite_against_tsv(command, corpus, args.copies, args.repeat)
    else:
        print("\n(no form4 program found: give --form4 for the SQLite figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
