"""python -m form4 FILE...: prints each filing (or its JSON, or its data-set rows)."""

from __future__ import annotations

import argparse
import sys

from . import Document, Footnoted, Format, ParseError, dataset, library_path, library_version, parse, to_json


def _value(footnoted: Footnoted) -> str:
    text = "" if footnoted.value is None else str(footnoted.value)
    if footnoted.footnotes:
        text += " (" + ", ".join(footnoted.footnotes) + ")"
    return text or "-"


def _print_document(doc: Document, out) -> None:
    def line(label: str, value: object) -> None:
        print(f"  {label:<24}{value}", file=out)

    line("form", f"{doc.type.text} (schema {doc.schema_version or '?'})")
    line("period of report", doc.period_of_report or "-")
    line("issuer", f"{doc.issuer.name} [{doc.issuer.trading_symbol}] CIK {doc.issuer.cik}")
    for owner in doc.reporting_owners:
        roles = [
            name
            for name, flag in (
                ("director", owner.relationship.is_director),
                ("officer", owner.relationship.is_officer),
                ("10% owner", owner.relationship.is_ten_percent_owner),
                ("other", owner.relationship.is_other),
            )
            if flag
        ]
        title = f", {owner.relationship.officer_title}" if owner.relationship.officer_title else ""
        line("reporting owner", f"{owner.id.name} (CIK {owner.id.cik}; {', '.join(roles) or 'no role'}{title})")
    for row in doc.non_derivative_transactions + doc.derivative_transactions:
        code = row.coding.code.text if row.coding else "?"
        direction = row.acquired_disposed.value.text if row.acquired_disposed.value else "?"
        line(
            "transaction",
            f"{_value(row.transaction_date)} {code} {direction} {_value(row.shares)} x {_value(row.price_per_share)}"
            f"  {_value(row.security_title)}",
        )
    for row in doc.non_derivative_holdings + doc.derivative_holdings:
        line("holding", f"{_value(row.post_transaction.shares_owned)}  {_value(row.security_title)}")
    line("footnotes", len(doc.footnotes))
    for signature in doc.signatures:
        line("signed", f"{signature.name} {signature.date or ''}".rstrip())
    for diagnostic in doc.diagnostics:
        line("diagnostic", diagnostic)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m form4", description="Read SEC Form 3/4/5 filings.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print the document as JSON")
    parser.add_argument("--tables", action="store_true", help="print the SEC data-set rows as TSV")
    parser.add_argument("--lenient", action="store_true", help="keep what damage does not touch")
    parser.add_argument("--format", choices=[f.name.lower() for f in Format], default="auto")
    parser.add_argument("--version", action="version",
                        version="form4 %d.%d.%d (%s)" % (library_version + (library_path,)))
    args = parser.parse_args(argv)
    input_format = Format[args.format.upper()]
    failures = 0
    for path in args.files:
        try:
            if args.json:
                print(to_json(path, format=input_format, lenient=args.lenient, pretty=True))
            elif args.tables:
                for name, rows in dataset(path, format=input_format, lenient=args.lenient).items():
                    if not rows:
                        continue
                    print(f"# {name}")
                    print("\t".join(rows[0].keys()))
                    for row in rows:
                        print("\t".join(row.values()))
            else:
                print(path)
                _print_document(parse(path, format=input_format, lenient=args.lenient), sys.stdout)
        except ParseError as error:
            failures += 1
            print(f"{path}: {error}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
