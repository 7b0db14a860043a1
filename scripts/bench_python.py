#!/usr/bin/env python3
"""Python throughput of form4 against the ElementTree loop a user would write.

    python3 scripts/bench_python.py [--corpus DIR] [--repeat N] [--threads N] [--clock wall|cpu]

Reads every *.xml under --corpus (default: ../shared/corpus/xml beside the
checkout) into memory once, then times, best of --repeat runs with
time.perf_counter (the runs take turns), over the same bytes:

  etree        xml.etree.ElementTree: issuer, owners, every Table I/II row's
               columns with their footnote ids, footnotes and signatures, as
               dicts of stripped strings (untyped: less work than form4 does)
  parse        form4.parse per document (frozen dataclasses: Decimal, date, enums;
               built by the C unpickler from form4_result_to_pickle)
  tables       form4.tables: all documents in one call, the eight SEC data-set
               tables as lists of dicts (form4_dataset_to_pickle)
  c++ parse    the C library's parse alone (form4_parse + form4_result_free),
               for reference: the floor under every Python figure
  to_json      form4.to_json per document (C++ parse and JSON writer)

--clock cpu times with time.process_time instead: steadier on a machine
others are using, but for form4.tables on more than one thread it adds up
the CPU time of every thread (the threads=1 row is the fair one then).

Standard library only. The library is found as the package finds it
(FORM4_LIBRARY, or a build*/capi of this checkout).
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import pathlib
import sys
import time
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "capi" / "python"))

import form4  # noqa: E402
from form4 import _capi  # noqa: E402

# ---------------------------------------------------------------------------
# (a) What a competent user writes with ElementTree: one pass over the tree
# with find/findtext, every column of the four tables with its footnote ids.


def _text(element, path):
    found = element.find(path)
    if found is None or found.text is None:
        return ""
    return found.text.strip()


def _value(element, path):
    """(value, footnote ids) of a <x><value/><footnoteId id=""/></x> element."""
    found = element.find(path)
    if found is None:
        return None, ()
    value = found.findtext("value")
    footnotes = tuple(note.get("id") for note in found.iter("footnoteId"))
    return (value.strip() if value is not None else None), footnotes


_COMMON_COLUMNS = [
    ("security_title", "securityTitle"),
    ("shares_owned_following", "postTransactionAmounts/sharesOwnedFollowingTransaction"),
    ("value_owned_following", "postTransactionAmounts/valueOwnedFollowingTransaction"),
    ("direct_or_indirect", "ownershipNature/directOrIndirectOwnership"),
    ("nature_of_ownership", "ownershipNature/natureOfOwnership"),
]
_TRANSACTION_COLUMNS = [
    ("transaction_date", "transactionDate"),
    ("deemed_execution_date", "deemedExecutionDate"),
    ("timeliness", "transactionTimeliness"),
    ("shares", "transactionAmounts/transactionShares"),
    ("price_per_share", "transactionAmounts/transactionPricePerShare"),
    ("acquired_disposed", "transactionAmounts/transactionAcquiredDisposedCode"),
]
_DERIVATIVE_COLUMNS = [
    ("conversion_or_exercise_price", "conversionOrExercisePrice"),
    ("exercise_date", "exerciseDate"),
    ("expiration_date", "expirationDate"),
    ("underlying_title", "underlyingSecurity/underlyingSecurityTitle"),
    ("underlying_shares", "underlyingSecurity/underlyingSecurityShares"),
    ("underlying_value", "underlyingSecurity/underlyingSecurityValue"),
]
_TABLES = {
    "non_derivative_transactions": ("nonDerivativeTable/nonDerivativeTransaction", _COMMON_COLUMNS + _TRANSACTION_COLUMNS),
    "non_derivative_holdings": ("nonDerivativeTable/nonDerivativeHolding", _COMMON_COLUMNS),
    "derivative_transactions": (
        "derivativeTable/derivativeTransaction",
        _COMMON_COLUMNS + _TRANSACTION_COLUMNS + _DERIVATIVE_COLUMNS + [("total_value", "transactionAmounts/transactionTotalValue")],
    ),
    "derivative_holdings": ("derivativeTable/derivativeHolding", _COMMON_COLUMNS + _DERIVATIVE_COLUMNS),
}


def _row(element, columns):
    row = {column: _value(element, path) for column, path in columns}
    coding = element.find("transactionCoding")
    if coding is not None:
        row["form_type"] = _text(coding, "transactionFormType")
        row["transaction_code"] = _text(coding, "transactionCode")
        row["equity_swap_involved"] = _text(coding, "equitySwapInvolved")
        row["coding_footnotes"] = tuple(note.get("id") for note in coding.iter("footnoteId"))
    return row


def etree_extract(data: bytes) -> dict:
    root = ET.fromstring(data)
    owners = []
    for owner in root.iterfind("reportingOwner"):
        owners.append({
            "cik": _text(owner, "reportingOwnerId/rptOwnerCik"),
            "name": _text(owner, "reportingOwnerId/rptOwnerName"),
            "street1": _text(owner, "reportingOwnerAddress/rptOwnerStreet1"),
            "street2": _text(owner, "reportingOwnerAddress/rptOwnerStreet2"),
            "city": _text(owner, "reportingOwnerAddress/rptOwnerCity"),
            "state": _text(owner, "reportingOwnerAddress/rptOwnerState"),
            "zip_code": _text(owner, "reportingOwnerAddress/rptOwnerZipCode"),
            "is_director": _text(owner, "reportingOwnerRelationship/isDirector"),
            "is_officer": _text(owner, "reportingOwnerRelationship/isOfficer"),
            "is_ten_percent_owner": _text(owner, "reportingOwnerRelationship/isTenPercentOwner"),
            "is_other": _text(owner, "reportingOwnerRelationship/isOther"),
            "officer_title": _text(owner, "reportingOwnerRelationship/officerTitle"),
            "other_text": _text(owner, "reportingOwnerRelationship/otherText"),
        })
    document = {
        "schema_version": _text(root, "schemaVersion"),
        "document_type": _text(root, "documentType"),
        "period_of_report": _text(root, "periodOfReport"),
        "issuer": {
            "cik": _text(root, "issuer/issuerCik"),
            "name": _text(root, "issuer/issuerName"),
            "trading_symbol": _text(root, "issuer/issuerTradingSymbol"),
        },
        "reporting_owners": owners,
        "footnotes": {
            note.get("id"): " ".join("".join(note.itertext()).split())
            for note in root.iterfind("footnotes/footnote")
        },
        "remarks": _text(root, "remarks"),
        "signatures": [
            (_text(signature, "signatureName"), _text(signature, "signatureDate"))
            for signature in root.iterfind("ownerSignature")
        ],
    }
    for name, (path, columns) in _TABLES.items():
        document[name] = [_row(element, columns) for element in root.iterfind(path)]
    return document


def run_etree(documents):
    extracted = 0
    for _name, data in documents:
        try:
            etree_extract(data)
            extracted += 1
        except ET.ParseError:
            pass
    return extracted


# ---------------------------------------------------------------------------
# (b) to (e): form4.


def run_parse(documents):
    parsed = 0
    for _name, data in documents:
        try:
            form4.parse(data)
            parsed += 1
        except form4.ParseError:
            pass
    return parsed


def run_tables(documents, threads):
    tables = form4.tables([data for _name, data in documents], errors="skip", threads=threads)
    return len(tables["SUBMISSION"])


def run_cpp_parse(documents):
    parsed = 0
    for _name, data in documents:
        result = _capi.ResultP()
        if _capi.lib.form4_parse(ctypes.byref(result), data, len(data), None) == _capi.OK:
            parsed += 1
        _capi.lib.form4_result_free(result)
    return parsed


def run_to_json(documents):
    written = 0
    for _name, data in documents:
        try:
            form4.to_json(data)
            written += 1
        except form4.ParseError:
            pass
    return written


def best_of_each(repeat, runs, clock=time.perf_counter):
    """The fastest of `repeat` runs (seconds) of every run and what it
    returned. Runs take turns (round robin) rather than each repeating in a
    block, so that on a shared machine a busy spell slows every run a little
    instead of one run a lot: the ratios stay comparable."""
    times = [[] for _ in runs]
    outcomes = [None] * len(runs)
    for _ in range(repeat):
        for index, (_label, function, *args) in enumerate(runs):
            gc.collect()
            start = clock()
            outcomes[index] = function(*args)
            times[index].append(clock() - start)
    return [(min(t), outcome) for t, outcome in zip(times, outcomes)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=pathlib.Path, default=ROOT.parent / "shared" / "corpus" / "xml")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts")
    parser.add_argument("--threads", type=int, default=0, help="threads of form4.tables (0: one per core)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall: time.perf_counter; cpu: time.process_time (all threads of the process)")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.rglob("*.xml"))
    if not paths:
        print(f"no *.xml under {args.corpus}", file=sys.stderr)
        return 2
    documents = [(path.name, path.read_bytes()) for path in paths]
    megabytes = sum(len(data) for _name, data in documents) / 1e6
    print(f"{len(documents)} documents, {megabytes:.1f} MB in memory; best of {args.repeat}, {args.clock} clock; "
          f"library {form4.library_path}")

    runs = [
        ("etree (xml.etree.ElementTree)", run_etree, documents),
        ("form4.parse per document", run_parse, documents),
        (f"form4.tables, one call (threads={args.threads or 'all'})", run_tables, documents, args.threads),
        ("form4.tables, one call (threads=1)", run_tables, documents, 1),
        ("c++ parse alone (reference)", run_cpp_parse, documents),
        ("form4.to_json per document", run_to_json, documents),
    ]
    etree_rate = None
    print(f"{'':44}{'docs/s':>10}{'us/doc':>10}{'vs etree':>10}  read")
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    for (label, *_function), (seconds, count) in zip(runs, best_of_each(args.repeat, runs, clock)):
        rate = len(documents) / seconds
        etree_rate = etree_rate or rate
        print(f"{label:44}{rate:10.0f}{seconds / len(documents) * 1e6:10.1f}{rate / etree_rate:9.1f}x  {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
