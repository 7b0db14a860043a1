"""`form4 tables --sqlite` and form4.to_sqlite: the data-set tables in SQLite.

Run by ctest (tests/frames_sqlite.cmake) with FORM4_COMMAND (the form4
program), FORM4_LIBRARY, FORM4_CORPUS_DIR and PYTHONPATH=capi/python.
The reference is the TSV files `form4 tables --out` writes from the same inputs.
"""

from __future__ import annotations

import csv
import decimal
import os
import pathlib
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest

import form4

CORPUS = pathlib.Path(os.environ.get("FORM4_CORPUS_DIR", pathlib.Path(__file__).resolve().parents[3] / "shared" / "corpus"))
COMMAND = os.environ.get("FORM4_COMMAND", "")
TABLES = ["SUBMISSION", "REPORTINGOWNER", "NONDERIV_TRANS", "NONDERIV_HOLDING", "DERIV_TRANS", "DERIV_HOLDING",
          "FOOTNOTES", "OWNER_SIGNATURE"]
ROW_NUMBER = {"NONDERIV_TRANS": "NONDERIV_TRANS_SK", "NONDERIV_HOLDING": "NONDERIV_HOLDING_SK",
              "DERIV_TRANS": "DERIV_TRANS_SK", "DERIV_HOLDING": "DERIV_HOLDING_SK",
              "REPORTINGOWNER": "ROW_NUMBER", "FOOTNOTES": "ROW_NUMBER", "OWNER_SIGNATURE": "ROW_NUMBER"}
DATES = {"FILING_DATE", "PERIOD_OF_REPORT", "DATE_OF_ORIG_SUB", "TRANS_DATE", "DEEMED_EXECUTION_DATE",
         "EXCERCISE_DATE", "EXERCISE_DATE", "EXPIRATION_DATE", "OWNERSIGNATUREDATE"}
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def run_form4(*arguments, check_status=(0, 1)):
    done = subprocess.run([COMMAND, "tables", *map(str, arguments)], capture_output=True, text=True)
    if done.returncode not in check_status:
        raise AssertionError(f"form4 tables {arguments}: exit {done.returncode}\n{done.stderr}")
    return done


def read_tsv(directory: pathlib.Path, table: str):
    with open(directory / f"{table}.tsv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def kind(column: str, declared: str) -> str:
    return "DATE" if column in DATES else "DECIMAL" if declared == "ANY" else declared


def tsv_cell(value, declared: str) -> str:
    """A stored value written as the TSV writes it."""
    if value is None:
        return ""
    if declared == "DATE":
        year, month, day = value.split("-")
        return f"{day}-{MONTHS[int(month) - 1]}-{year}"
    if declared == "DECIMAL":
        # INTEGER, REAL holding at most 15 significant digits, or exact TEXT.
        number = decimal.Decimal(f"{value:.15g}" if isinstance(value, float) else str(value))
        text = format(number.normalize(), "f")
        return text
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return str(value)


def canonical(text: str, declared: str) -> str:
    if declared == "DECIMAL" and text:
        return format(decimal.Decimal(text).normalize(), "f")
    return text


def dump(path) -> list:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def table_rows(path, table: str):
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        columns = {row["name"]: kind(row["name"], row["type"]) for row in db.execute(f'PRAGMA table_info("{table}")')}
        return columns, [dict(r) for r in db.execute(f'SELECT * FROM "{table}"')]


@unittest.skipUnless(COMMAND, "FORM4_COMMAND (the form4 program) is not set: run through ctest")
class SqliteEqualsTheTsvTables(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not (CORPUS / "xml").is_dir():
            raise AssertionError(f"corpus not found under {CORPUS}")
        cls.work = tempfile.TemporaryDirectory(prefix="form4-sqlite-")
        cls.dir = pathlib.Path(cls.work.name)
        cls.db = cls.dir / "xml.db"
        cls.first = run_form4("--out", cls.dir / "tsv", "--sqlite", cls.db, CORPUS / "xml")
        cls.dump = dump(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.work.cleanup()

    def test_row_counts_keys_and_cells_equal_the_tsv(self):
        compared = 0
        for table in TABLES:
            tsv = [row for row in read_tsv(self.dir / "tsv", table) if row["ACCESSION_NUMBER"]]
            columns, stored = table_rows(self.db, table)
            self.assertEqual(len(stored), len(tsv), table)
            # The TSV holds a filing's rows together, in order: their number within it is the key.
            numbered, seen = [], {}
            for row in tsv:
                seen[row["ACCESSION_NUMBER"]] = seen.get(row["ACCESSION_NUMBER"], 0) + 1
                numbered.append(((row["ACCESSION_NUMBER"], seen[row["ACCESSION_NUMBER"]]), row))
            key_column = ROW_NUMBER.get(table)
            by_key = {(r["ACCESSION_NUMBER"], r[key_column] if key_column else 1): r for r in stored}
            self.assertEqual(set(by_key), {key for key, _ in numbered}, table)
            for key, expected in numbered:
                row = by_key[key]
                for column, text in expected.items():
                    if column == key_column or column.endswith("_SK"):
                        continue   # the per-run counter, replaced by the number within the filing
                    self.assertEqual(tsv_cell(row[column], columns[column]), canonical(text, columns[column]),
                                     f"{table} {key} {column}")
                    compared += 1
        self.assertGreater(compared, 40_000)

    def test_a_filing_without_an_accession_number_is_keyed_by_its_file_name(self):
        self.assertEqual(self.first.returncode, 1)   # the one malformed filing
        self.assertNotIn("not written to", self.first.stderr)
        _, stored = table_rows(self.db, "SUBMISSION")
        self.assertIn("edgartools__form4.snow", {r["ACCESSION_NUMBER"] for r in stored})

    def test_a_second_run_changes_nothing(self):
        run_form4("--sqlite", self.db, CORPUS / "xml")
        self.assertEqual(dump(self.db), self.dump)

    def test_the_c_interface_writes_the_same_database(self):
        other = self.dir / "capi.db"
        with self.assertRaises(form4.Form4Error):   # the malformed filing
            form4.to_sqlite([CORPUS / "xml"], other)
        summary = form4.to_sqlite([CORPUS / "xml"], other, errors="skip", threads=1)
        self.assertEqual(summary.filings_refused, 0)
        self.assertEqual(summary.documents_failed, 1)
        self.assertEqual(dump(other), self.dump)

    def test_a_filing_read_again_replaces_its_rows(self):
        db = self.dir / "replaced.db"
        run_form4("--sqlite", db, CORPUS / "xml")
        run_form4("--out", self.dir / "submissions", "--sqlite", db, CORPUS / "submission")
        submissions = {r["ACCESSION_NUMBER"] for r in read_tsv(self.dir / "submissions", "SUBMISSION")}
        xml = {r["ACCESSION_NUMBER"] for r in read_tsv(self.dir / "tsv", "SUBMISSION") if r["ACCESSION_NUMBER"]}
        both = submissions & xml
        self.assertGreater(len(both), 10)
        _, stored = table_rows(db, "SUBMISSION")
        filing_dates = {r["ACCESSION_NUMBER"]: r["FILING_DATE"] for r in stored}
        # The envelope has the filing date, the loose XML does not: those rows are the submissions'.
        self.assertTrue(all(filing_dates[a] for a in both))
        self.assertTrue(all(filing_dates[a] is None for a in xml - submissions))
        for table in TABLES:
            columns, rows = table_rows(db, table)
            expected = [r for r in read_tsv(self.dir / "submissions", table) if r["ACCESSION_NUMBER"] in both]
            got = [r for r in rows if r["ACCESSION_NUMBER"] in both]
            self.assertEqual(len(got), len(expected), table)


@unittest.skipUnless(COMMAND, "FORM4_COMMAND (the form4 program) is not set: run through ctest")
class KilledRun(unittest.TestCase):
    """SIGKILL in the middle of a load, then the same load again: the database
    equals one clean run, and the killed one held only whole filings."""

    COPIES = 4

    def setUp(self):
        self.work = tempfile.TemporaryDirectory(prefix="form4-sqlite-kill-")
        self.dir = pathlib.Path(self.work.name)
        inputs = self.dir / "filings"
        inputs.mkdir()
        files = sorted(p for p in (CORPUS / "xml" / "form4").glob("0*.xml") if p.name != "0001225259-06-000003.xml")
        if len(files) < 300:
            raise AssertionError(f"corpus not found under {CORPUS}")
        # Distinct filings: each file under several accession numbers.
        for copy in range(self.COPIES):
            for index, path in enumerate(files):
                (inputs / f"{copy + 1:010d}-26-{index:06d}.xml").symlink_to(path)
        self.inputs = inputs
        self.total = self.COPIES * len(files)

    def tearDown(self):
        self.work.cleanup()

    def counts_by_filing(self, path):
        counts = {}
        with sqlite3.connect(path) as db:
            for table in TABLES:
                for accession, n in db.execute(f'SELECT ACCESSION_NUMBER, count(*) FROM "{table}" GROUP BY 1'):
                    counts[(table, accession)] = n
        return counts

    def test_killed_then_run_again_equals_one_clean_run(self):
        clean = self.dir / "clean.db"
        run_form4("--sqlite", clean, self.inputs, check_status=(0,))
        killed = self.dir / "killed.db"
        process = subprocess.Popen([COMMAND, "tables", "--threads", "1", "--sqlite", str(killed), str(self.inputs)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        committed = 0
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            try:
                with sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=0.1) as db:
                    committed = db.execute("SELECT count(*) FROM SUBMISSION").fetchone()[0]
            except sqlite3.OperationalError:
                committed = 0   # not created yet
            if committed:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
        process.wait()
        self.assertEqual(process.returncode, -signal.SIGKILL, "the run ended before it could be killed")
        with sqlite3.connect(killed) as db:
            kept = db.execute("SELECT count(*) FROM SUBMISSION").fetchone()[0]
        self.assertGreaterEqual(kept, committed, "a committed filing was lost")
        self.assertLess(kept, self.total, "killed after the end")
        # Whole filings only: each one kept has all its rows in every table.
        whole = self.counts_by_filing(clean)
        for (table, accession), n in self.counts_by_filing(killed).items():
            self.assertEqual(n, whole[(table, accession)], f"{table} {accession}")
        run_form4("--sqlite", killed, self.inputs, check_status=(0,))
        self.assertEqual(dump(killed), dump(clean))


if __name__ == "__main__":
    unittest.main()
