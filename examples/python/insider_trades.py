#!/usr/bin/env python3
"""Example: the open-market trades in some filings, with the form4 package.

    insider_trades.py FILE...          # a summary per trade, then CSV of Table I

Shows the model (frozen dataclasses: Decimal, date, enums) and the SEC data
set rows (lists of dicts: pandas.DataFrame(rows) would take them as they are).
"""

import csv
import decimal
import sys

import form4


def main(paths):
    trades = []
    for path in paths:
        try:
            doc = form4.parse(path, lenient=True)
        except form4.ParseError as error:
            print(f"{path}: {error}", file=sys.stderr)
            continue
        file_trades = []
        owner = ", ".join(o.id.name for o in doc.reporting_owners)
        print(f"{doc.issuer.name} [{doc.issuer.trading_symbol}] form {doc.type.text}, reported by {owner}")
        for row in doc.non_derivative_transactions:
            code = row.coding.code.value if row.coding else form4.TransactionCode.UNKNOWN
            if code not in (form4.TransactionCode.P, form4.TransactionCode.S):
                continue  # only open-market purchases and sales
            shares, price = row.shares.value, row.price_per_share.value
            value = shares * price if shares is not None and price is not None else None
            file_trades.append(value)
            print(f"  {row.transaction_date.value} {code.name} {shares} @ {price} = {value}")
        total = sum((v for v in file_trades if v is not None), decimal.Decimal(0))
        print(f"  total traded value: {total}")  # exact: Decimal arithmetic
        trades += file_trades

    writer = csv.writer(sys.stdout)
    header_written = False
    for path in paths:
        try:
            rows = form4.dataset(path, lenient=True)["NONDERIV_TRANS"]
        except form4.ParseError:
            continue
        for row in rows:
            if not header_written:
                writer.writerow(row.keys())
                header_written = True
            writer.writerow(row.values())
    return 0 if trades or header_written else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
