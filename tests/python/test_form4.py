"""Tests of the Python package (capi/python/form4) over libform4_c.

Run by ctest (tests/capi_python.cmake) with
  FORM4_LIBRARY      the built libform4_c.so.1
  FORM4_CORPUS_DIR   <shared>/corpus
  FORM4_SOURCE_DIR   the source tree (for form4.h)
and PYTHONPATH pointing at capi/python.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime
import decimal
import glob
import io
import json
import os
import pathlib
import pickle
import re
import subprocess
import sys
import unittest

import form4
from form4 import _capi

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import field_reader  # noqa: E402  (an independent reader: the C getters, field by field)

CORPUS = pathlib.Path(os.environ.get("FORM4_CORPUS_DIR", pathlib.Path(__file__).resolve().parents[3] / "shared" / "corpus"))
SOURCE = pathlib.Path(os.environ.get("FORM4_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
# form4.h and the headers it includes (the C interface's parts).
HEADERS = sorted((SOURCE / "capi" / "include" / "form4").glob("*.h"))
SAMPLE = CORPUS / "xml" / "form4" / "0000320193-22-000061.xml"
BROKEN = CORPUS / "xml" / "form4" / "0001225259-06-000003.xml"  # not well-formed (see corpus README)


# A number as the data sets write one: no sign but '-', no leading zero before a digit.
_PLAIN_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def corpus_xml_files():
    files = sorted(glob.glob(str(CORPUS / "xml" / "**" / "*.xml"), recursive=True))
    if len(files) < 300:
        # A missing corpus fails the suite: a skip would let ctest pass without checking anything.
        raise AssertionError(f"corpus not found under {CORPUS}: {len(files)} XML files")
    return [pathlib.Path(f) for f in files]


def corpus_other_files():
    """Submissions, rendered text and HTML: every other input form."""
    patterns = ["submission/*.txt", "submission/*.nc", "text/*.txt", "html/*.html"]
    return [pathlib.Path(f) for pattern in patterns for f in sorted(glob.glob(str(CORPUS / pattern)))]


def as_json_value(value):
    """A model value written the way the C++ JSON writer writes it: footnoted
    values as {"value", "footnotes"}, codes as their text, decimals as their
    exact text, dates as ISO text, and empty things left out."""
    if isinstance(value, form4.Coded):
        return value.text or None
    if isinstance(value, form4.Footnoted):
        out = {}
        if value.value is not None:
            out["value"] = as_json_value(value.value)
        if value.footnotes:
            out["footnotes"] = list(value.footnotes)
        return out
    if dataclasses.is_dataclass(value):
        out = {}
        for field in dataclasses.fields(value):
            if field.name in ("diagnostics", "format") and isinstance(value, form4.Document):
                continue  # about the parse, not the filing; not in the JSON
            out[field.name] = as_json_value(getattr(value, field.name))
        return out
    if isinstance(value, tuple):
        return [as_json_value(v) for v in value]
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def without_empties(value):
    """Drops "", None, [] and {} members recursively (the writer omits them)."""
    if isinstance(value, dict):
        cleaned = {k: without_empties(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [without_empties(v) for v in value]
    return value


def first_difference(a, b, path="$"):
    if type(a) != type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}: only in {'python' if key in a else 'c++'}: {a.get(key, b.get(key))!r}"
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


class CorpusAgreement(unittest.TestCase):
    """The whole XML corpus through Python gives what C++ gives."""

    def test_every_document_equals_the_cpp_json_field_by_field(self):
        self.assertGreater(self.compare_with_cpp_json(corpus_xml_files()), 300)

    def test_every_other_input_form_equals_the_cpp_json(self):
        files = corpus_other_files()
        self.assertGreater(len(files), 30)
        self.assertGreater(self.compare_with_cpp_json(files), 25)

    def compare_with_cpp_json(self, files):
        compared = 0
        for path in files:
            with self.subTest(file=path.name):
                try:
                    document = form4.parse(path)
                except form4.ParseError:
                    with self.assertRaises(form4.ParseError):
                        form4.to_json(path)
                    continue
                cpp = json.loads(form4.to_json(path))
                cpp.pop("form4_json_version", None)
                difference = first_difference(without_empties(as_json_value(document)), without_empties(cpp))
                self.assertIsNone(difference, f"{path.name}: {difference}")
                compared += 1
        return compared

    def test_every_document_equals_the_one_read_field_by_field(self):
        """form4.parse builds the model from the C library's JSON; reading
        every field through the C getters instead must give the same."""
        compared = 0
        for path in corpus_xml_files() + corpus_other_files():
            for lenient in (False, True):
                with self.subTest(file=path.name, lenient=lenient):
                    expected = field_reader.read_file(path, lenient=lenient)
                    if expected is None:
                        with self.assertRaises(form4.ParseError):
                            form4.parse(path, lenient=lenient)
                        continue
                    # Not part of the filing; the field reader leaves them out.
                    document = dataclasses.replace(form4.parse(path, lenient=lenient), diagnostics=(), format=form4.Format.AUTO)
                    # repr also tells apart values that compare equal across types (1 == True == Decimal(1)).
                    self.assertEqual(repr(document), repr(expected))
                    self.assertEqual(document, expected)
                    compared += 1
        self.assertGreater(compared, 700)

    def test_built_objects_are_what_their_constructors_make(self):
        """The fast builder fills instance dicts directly: every object must
        hold exactly its class's fields and equal a constructor-made copy."""
        checked = 0

        def check(value):
            nonlocal checked
            if isinstance(value, tuple):
                for item in value:
                    check(item)
            elif dataclasses.is_dataclass(value):
                names = [field.name for field in dataclasses.fields(value)]
                self.assertEqual(sorted(vars(value)), sorted(names), type(value).__name__)
                self.assertEqual(type(value)(**{name: getattr(value, name) for name in names}), value)
                for name in names:
                    check(getattr(value, name))
                checked += 1

        for path in corpus_xml_files()[::20] + corpus_other_files():
            try:
                check(form4.parse(path))
            except form4.ParseError:
                continue
        self.assertGreater(checked, 1000)

    def test_every_dataset_row_equals_the_expected_rows(self):
        """Against corpus/expected/*.json (an independent extraction): text
        exactly, numbers by value; columns the XML cannot give are absent
        from the expected files and not compared."""
        compared = 0
        for path in corpus_xml_files():
            expected = json.loads((CORPUS / "expected" / (path.stem + ".json")).read_text())
            with self.subTest(file=path.name):
                if "error" in expected:
                    with self.assertRaises(form4.ParseError):
                        form4.dataset(path)
                    continue
                tables = form4.dataset(path)
                for table, rows in expected["tables"].items():
                    self.assertEqual(len(tables[table]), len(rows), f"{path.name} {table}: row count")
                    for index, (want, got) in enumerate(zip(rows, tables[table])):
                        for column, value in want.items():
                            self.assertIn(column, got, f"{path.name} {table}")
                            if got[column] == value:
                                continue
                            # By value only where both cells are plain numbers ("472.00" is
                            # 472); a code or CIK ("0000320193") must match as text.
                            same_number = (_PLAIN_NUMBER.fullmatch(got[column]) is not None
                                           and _PLAIN_NUMBER.fullmatch(value) is not None
                                           and decimal.Decimal(got[column]) == decimal.Decimal(value))
                            self.assertTrue(same_number, f"{path.name} {table}[{index}].{column}: {got[column]!r} != {value!r}")
                compared += 1
        self.assertGreater(compared, 300)

    def test_dataset_cells_equal_the_tsv_of_the_c_interface(self):
        for path in corpus_xml_files()[::25]:
            tables = form4.dataset(path)
            for table_index, (name, rows) in enumerate(tables.items()):
                tsv = _tsv_through_c(path, table_index)
                lines = tsv.split("\n")
                self.assertEqual(lines[-1], "")
                header, body = lines[0].split("\t"), lines[1:-1]
                self.assertEqual(len(body), len(rows), f"{path.name} {name}")
                for row, line in zip(rows, body):
                    self.assertEqual(list(row.keys()), header)
                    # TSV turns tabs and line breaks inside a cell into spaces.
                    self.assertEqual([re.sub(r"[\t\r\n]", " ", v) for v in row.values()], line.split("\t"))


def _tsv_through_c(path, table):
    import ctypes

    result = _capi.ResultP()
    _capi.check(_capi.lib.form4_parse_file(ctypes.byref(result), os.fsencode(path), None))
    try:
        doc = _capi.DocumentP()
        _capi.check(_capi.lib.form4_result_document(ctypes.byref(doc), result))
        dataset = _capi.DatasetP()
        _capi.check(_capi.lib.form4_document_to_dataset(ctypes.byref(dataset), doc, None))
        try:
            pointer, length = ctypes.c_char_p(), ctypes.c_size_t()
            _capi.check(_capi.lib.form4_dataset_tsv(ctypes.byref(pointer), ctypes.byref(length), dataset, table))
            return _capi.text(pointer, length)
        finally:
            _capi.lib.form4_dataset_free(dataset)
    finally:
        _capi.lib.form4_result_free(result)


class PickleStreams(unittest.TestCase):
    """form4.parse, dataset and tables read the pickle streams of
    form4_result_to_pickle and form4_dataset_to_pickle (capi/src/pickle.cpp);
    the corpus tests above compare the documents with the C++ JSON and the
    C getters. These check the streams themselves."""

    @staticmethod
    def _dataset_streams(data: bytes, accession: bytes):
        """(pickle, JSON text) of the data set of `data`, ACCESSION_NUMBER
        falling back to the raw bytes `accession`."""
        import ctypes
        from form4 import _pickled

        result = _capi.ResultP()
        _capi.check(_capi.lib.form4_parse(ctypes.byref(result), data, len(data), None))
        try:
            doc = _capi.DocumentP()
            _capi.check(_capi.lib.form4_result_document(ctypes.byref(doc), result))
            options = _capi.DatasetOptions()
            _capi.check(_capi.lib.form4_dataset_options_init(ctypes.byref(options), _capi.DATASET_OPTIONS_VERSION))
            options.accession_fallback = accession
            options.accession_fallback_len = len(accession)
            dataset = _capi.DatasetP()
            _capi.check(_capi.lib.form4_document_to_dataset(ctypes.byref(dataset), doc, ctypes.byref(options)))
            try:
                return (_pickled.stream(_capi.lib.form4_dataset_to_pickle, dataset),
                        _pickled.stream(_capi.lib.form4_dataset_to_json, dataset).decode("utf-8", "replace"))
            finally:
                _capi.lib.form4_dataset_free(dataset)
        finally:
            _capi.lib.form4_result_free(result)

    def test_invalid_utf8_becomes_what_replace_decoding_makes_of_it(self):
        """The unpickler refuses invalid UTF-8; the writer replaces each
        maximal invalid subpart with U+FFFD, as bytes.decode(errors="replace")
        (and so the JSON path) does."""
        from form4 import _pickled

        data = SAMPLE.read_bytes().replace(b"<accessionNumber>", b"<x>")  # a loose XML file has none anyway
        for raw in [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\xf4\x90\x80\x80",
                    b"a\x80b", b"\xe0\x80\xaf", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"\xe2\x82\xac\xe2\x82",
                    b"ok \xc3\xa9 \xf0\x9f\x98\x80", b"x" * 300 + b"\xfe"]:
            with self.subTest(raw=raw):
                stream, json_text = self._dataset_streams(data, b"0001-" + raw + b"-end")
                cell = _pickled.dataset(stream)["SUBMISSION"][0]["ACCESSION_NUMBER"]
                self.assertEqual(cell, ("0001-" + raw.decode("utf-8", "replace") + "-end"))
                self.assertEqual(_pickled.dataset(stream), json.loads(json_text))

    def test_the_tables_of_the_corpus_equal_the_json_data_set(self):
        import ctypes
        from form4 import _pickled

        files = corpus_xml_files()
        inputs = (_capi.Input * len(files))(*[(None, 0, os.fsencode(f), None, 0) for f in files])
        dataset = _capi.DatasetP()
        _capi.check(_capi.lib.form4_dataset_from_inputs(
            ctypes.byref(dataset), None, None, inputs, len(files), None, None, 2))
        try:
            from_pickle = _pickled.dataset(_pickled.stream(_capi.lib.form4_dataset_to_pickle, dataset))
            from_json = json.loads(_pickled.stream(_capi.lib.form4_dataset_to_json, dataset).decode("utf-8", "replace"))
        finally:
            _capi.lib.form4_dataset_free(dataset)
        self.assertGreater(len(from_json["NONDERIV_TRANS"]), 300)
        self.assertEqual(from_pickle, from_json)
        for name in from_json:  # same column order too
            self.assertEqual([list(row) for row in from_pickle[name]], [list(row) for row in from_json[name]])

    def test_the_tables_do_not_depend_on_the_thread_count(self):
        files = corpus_xml_files()
        serial = form4.tables(files, threads=1, errors="skip")
        for threads in (2, 3, 8):
            self.assertEqual(form4.tables(files, threads=threads, errors="skip"), serial, threads)

    def test_both_ways_of_referring_to_shared_objects_give_the_same_document(self):
        """RESULT_FLAGS picks memo entries (CPython, by default) or persistent
        ids for the shared objects; the other way must work as well."""
        import ctypes
        from form4 import _pickled

        self.assertEqual(_pickled.RESULT_FLAGS, _capi.PICKLE_SHARED_IN_MEMO)  # CPython copies memos
        for path in corpus_xml_files()[::25] + [BROKEN]:
            result = _capi.ResultP()
            _capi.lib.form4_parse_file(ctypes.byref(result), os.fsencode(path), None)
            try:
                in_memo = _pickled.stream(_capi.lib.form4_result_to_pickle, result, _capi.PICKLE_SHARED_IN_MEMO)
                persistent = _pickled.stream(_capi.lib.form4_result_to_pickle, result, 0)
            finally:
                _capi.lib.form4_result_free(result)
            document, diagnostics = _pickled.result(in_memo)
            other_document, other_diagnostics = _pickled._DocumentUnpickler(io.BytesIO(persistent)).load()
            self.assertEqual(repr(document), repr(other_document), path.name)
            self.assertEqual(diagnostics, other_diagnostics)

    def test_streams_may_not_name_globals(self):
        from form4 import _pickled

        for stream in (pickle.dumps(os.getcwd, protocol=4), pickle.dumps(decimal.Decimal("1"), protocol=4),
                       pickle.dumps(dict.fromkeys, protocol=4)):
            with self.assertRaises(pickle.UnpicklingError):
                _pickled.result(stream)
            with self.assertRaises(pickle.UnpicklingError):
                _pickled.dataset(stream)

    def test_a_failed_parse_streams_no_document_and_its_diagnostics(self):
        with self.assertRaises(form4.ParseError) as raised:
            form4.parse(BROKEN)
        self.assertTrue(raised.exception.diagnostics)
        self.assertTrue(all(isinstance(d, form4.Diagnostic) and isinstance(d.severity, form4.Severity)
                            for d in raised.exception.diagnostics))

    def test_shared_values_are_the_ones_the_code_tables_make(self):
        from form4 import _pickled

        for item in _pickled.SHARED_OBJECTS:
            if isinstance(item, form4.Coded):
                # the text as the code tables spell it gives the member
                self.assertEqual(type(item.value)(item.value).name == "UNKNOWN", item.text == "", item)
            if isinstance(item, form4.Footnoted):
                self.assertEqual(item.footnotes, ())


class Values(unittest.TestCase):
    def setUp(self):
        self.document = form4.parse(SAMPLE)

    def test_values_have_python_types(self):
        doc = self.document
        self.assertEqual(doc.issuer.name, "Apple Inc.")
        self.assertEqual(doc.type.value, form4.DocumentType.FORM4)
        self.assertEqual(doc.period_of_report, datetime.date(2022, 5, 4))
        row = doc.non_derivative_transactions[0]
        self.assertEqual(row.shares.value, decimal.Decimal("9136"))
        self.assertIsInstance(row.price_per_share.value, decimal.Decimal)
        self.assertEqual(row.price_per_share.footnotes, ("F2",))
        self.assertEqual(row.coding.code.value, form4.TransactionCode.S)
        self.assertEqual(row.coding.code.value, ord("S"))
        self.assertEqual(row.acquired_disposed.value.value, form4.AcquiredDisposed.DISPOSED)
        self.assertEqual(row.ownership.direct_or_indirect.value.value, form4.OwnershipForm.DIRECT)
        self.assertIsNone(row.deemed_execution_date.value)
        self.assertIs(doc.reporting_owners[0].relationship.is_officer, True)
        self.assertEqual(doc.format, form4.Format.XML)

    def test_decimals_keep_the_scale_as_filed(self):
        prices = [r.price_per_share.value for r in self.document.non_derivative_transactions]
        self.assertIn(decimal.Decimal("159.94"), prices)
        self.assertEqual(str(prices[0]), "159.94")

    def test_documents_are_frozen_hashable_and_picklable(self):
        with self.assertRaises(dataclasses.FrozenInstanceError):
            self.document.remarks = "changed"  # type: ignore[misc]
        self.assertEqual(hash(self.document), hash(form4.parse(SAMPLE)))
        self.assertEqual(pickle.loads(pickle.dumps(self.document)), self.document)

    def test_every_kind_of_source_gives_the_same_document(self):
        data = SAMPLE.read_bytes()
        self.assertEqual(form4.parse(data), self.document)
        self.assertEqual(form4.parse(bytearray(data)), self.document)
        self.assertEqual(form4.parse(memoryview(data)), self.document)
        self.assertEqual(form4.parse(data.decode("utf-8")), self.document)
        self.assertEqual(form4.parse(str(SAMPLE)), self.document)
        with self.assertRaises(TypeError):
            form4.parse(42)  # type: ignore[arg-type]

    def test_dataset_rows_are_dicts_in_sec_column_order(self):
        tables = form4.dataset(SAMPLE)
        self.assertEqual(list(tables)[:3], ["SUBMISSION", "REPORTINGOWNER", "NONDERIV_TRANS"])
        rows = tables["NONDERIV_TRANS"]
        self.assertEqual(len(rows), 7)
        self.assertEqual(list(rows[0])[0], "ACCESSION_NUMBER")
        self.assertEqual(rows[0]["ACCESSION_NUMBER"], "0000320193-22-000061")  # the file's name
        self.assertEqual(rows[0]["TRANS_CODE"], "S")
        given = form4.dataset(SAMPLE.read_bytes(), accession="0000000000-00-000001")
        self.assertEqual(given["SUBMISSION"][0]["ACCESSION_NUMBER"], "0000000000-00-000001")
        self.assertEqual(form4.dataset(SAMPLE.read_bytes())["SUBMISSION"][0]["ACCESSION_NUMBER"], "")

    def test_sec_rounding_rounds_to_two_places(self):
        exact = form4.dataset(SAMPLE)
        rounded = form4.dataset(SAMPLE, sec_round=True)
        for want, got in zip(exact["NONDERIV_TRANS"], rounded["NONDERIV_TRANS"]):
            value = decimal.Decimal(want["TRANS_PRICEPERSHARE"])
            self.assertEqual(decimal.Decimal(got["TRANS_PRICEPERSHARE"]), value.quantize(decimal.Decimal("0.01"), decimal.ROUND_HALF_UP))


class Tables(unittest.TestCase):
    """form4.tables: many filings in one call."""

    def test_the_tables_of_many_equal_the_datasets_of_each_but_the_keys(self):
        files = [f for f in corpus_xml_files() if f != BROKEN]
        together = form4.tables(files)
        one_by_one = {name: [] for name in together}
        for path in files:
            for name, rows in form4.dataset(path).items():
                one_by_one[name].extend(rows)
        self.assertEqual(list(together), list(one_by_one))
        for name, rows in together.items():
            self.assertEqual(len(rows), len(one_by_one[name]), name)
            self.assertGreater(len(rows), 100, name)
            for row, alone in zip(rows, one_by_one[name]):
                self.assertEqual(list(row), list(alone))
                self.assertEqual({k: v for k, v in row.items() if not k.endswith("_SK")},
                                 {k: v for k, v in alone.items() if not k.endswith("_SK")})
            # Surrogate keys run on across filings instead of restarting at 1.
            for column in [c for c in rows[0] if c.endswith("_SK")][:1]:
                self.assertEqual([row[column] for row in rows], [str(n) for n in range(1, len(rows) + 1)], name)

    def test_bytes_and_paths_mix_and_threads_do_not_change_the_rows(self):
        files = corpus_xml_files()[:40]
        files = [f for f in files if f != BROKEN]
        mixed = [f.read_bytes() if i % 2 else str(f) for i, f in enumerate(files)]
        serial = form4.tables(mixed, threads=1)
        self.assertEqual(form4.tables(mixed, threads=4), serial)
        # Bytes carry no file name: ACCESSION_NUMBER is "" for them.
        self.assertEqual(serial["SUBMISSION"][1]["ACCESSION_NUMBER"], "")
        self.assertEqual(serial["SUBMISSION"][0]["ACCESSION_NUMBER"], files[0].stem)

    def test_cells_are_exact_where_tsv_replaces_tabs_and_line_breaks(self):
        text = SAMPLE.read_text().replace("<remarks></remarks>", "").replace(
            "</ownershipDocument>", "<remarks>one\ttwo\nthree \"quoted\" \\ back</remarks></ownershipDocument>")
        self.assertEqual(form4.parse(text).remarks, 'one\ttwo\nthree "quoted" \\ back')
        tables = form4.tables([text])
        self.assertEqual(tables["SUBMISSION"][0]["REMARKS"], 'one\ttwo\nthree "quoted" \\ back')
        self.assertEqual(tables, form4.dataset(text))

    def test_errors_raise_naming_the_input_or_are_skipped(self):
        files = [SAMPLE, BROKEN]
        with self.assertRaises(form4.ParseError) as caught:
            form4.tables(files)
        self.assertIn(BROKEN.name, str(caught.exception))
        self.assertTrue(caught.exception.diagnostics)
        skipped = form4.tables(files, errors="skip")
        self.assertEqual(skipped, form4.tables([SAMPLE]))
        missing = form4.tables([pathlib.Path("/nonexistent/x.xml"), b"", SAMPLE], errors="skip")
        self.assertEqual(len(missing["SUBMISSION"]), 1)
        with self.assertRaises(ValueError):
            form4.tables(files, errors="ignore")
        with self.assertRaises(TypeError):
            form4.tables([42])  # type: ignore[list-item]

    def test_no_sources_give_eight_empty_tables(self):
        tables = form4.tables([])
        self.assertEqual(list(tables), list(form4.dataset(SAMPLE)))
        self.assertTrue(all(rows == [] for rows in tables.values()))


class Errors(unittest.TestCase):
    def test_a_broken_file_raises_parse_error_with_positioned_diagnostics(self):
        with self.assertRaises(form4.ParseError) as caught:
            form4.parse(BROKEN)
        error = caught.exception
        self.assertEqual(error.status, _capi.E_PARSE)
        self.assertEqual(error.status_name, "FORM4_E_PARSE")
        self.assertTrue(error.diagnostics)
        self.assertTrue(any(d.severity == form4.Severity.ERROR and d.line > 0 for d in error.diagnostics), error.diagnostics)
        self.assertIn(str(error.diagnostics[0].line), str(error))

    def test_lenient_parse_of_the_broken_file_recovers_with_warnings(self):
        document = form4.parse(BROKEN, lenient=True)
        self.assertTrue(document.issuer.cik)
        self.assertTrue(document.diagnostics)

    def test_empty_input_and_missing_file(self):
        with self.assertRaises(form4.ParseError) as caught:
            form4.parse(b"")
        self.assertTrue(caught.exception.diagnostics)
        with self.assertRaises(form4.ParseError) as caught:
            form4.parse(pathlib.Path("/nonexistent/form4.xml"))
        self.assertEqual(caught.exception.status, _capi.E_IO)
        self.assertEqual(caught.exception.diagnostics[0].code, "io")

    def test_bad_arguments_raise_form4_error_not_crash(self):
        import ctypes

        options = _capi.ParseOptions()
        options.version = 99
        result = _capi.ResultP()
        status = _capi.lib.form4_parse(ctypes.byref(result), b"<x/>", 4, ctypes.byref(options))
        self.assertEqual(status, _capi.E_VERSION)
        self.assertFalse(result)
        with self.assertRaises(_capi.Form4Error) as caught:
            _capi.check(status)
        self.assertIn("version", str(caught.exception))
        # A handle of the wrong type is refused by ctypes before C sees it.
        with self.assertRaises(ctypes.ArgumentError):
            _capi.lib.form4_result_free(_capi.DocumentP())


class Lint(unittest.TestCase):
    TEXT_SAMPLE = CORPUS / "text" / "000_8ddcd668f7a6b10e.txt"  # the user's sample: its M rows run the wrong way

    def test_the_text_sample_findings_point_at_their_acquired_disposed_cells(self):
        findings = form4.lint(self.TEXT_SAMPLE)
        self.assertEqual([f.code for f in findings], ["lint.code-direction"] * 2)
        first, second = findings
        self.assertEqual(first.severity, form4.Severity.WARNING)
        self.assertEqual(first.field, "non_derivative_transactions[0].acquired_disposed")
        self.assertEqual((first.line, first.column), (30, 36))  # the "D" of the Table I row
        self.assertEqual(second.field, "derivative_transactions[0].acquired_disposed")
        self.assertEqual((second.line, second.column), (37, 58))  # the "30,000" in the (A) column
        self.assertIn("Form 4 General Instruction 8", first.reference)
        self.assertTrue(str(first).startswith("30:36: warning: code M in Table I should be (A) acquired"), str(first))

    def test_a_clean_filing_has_no_findings_and_bytes_lint_like_the_file(self):
        self.assertEqual(form4.lint(SAMPLE), [])
        self.assertEqual(form4.lint(self.TEXT_SAMPLE.read_bytes()), form4.lint(self.TEXT_SAMPLE))

    def test_an_unreadable_filing_raises_parse_error(self):
        with self.assertRaises(form4.ParseError):
            form4.lint(BROKEN)


class Binding(unittest.TestCase):
    def test_the_function_table_covers_every_function_of_the_header(self):
        header = "".join(h.read_text() for h in HEADERS)
        declared = {}
        for match in re.finditer(r"FORM4_API\s+[^;(]*?\b(form4_\w+)\s*\(([^)]*)\)\s*;", header):
            parameters = match.group(2).strip()
            declared[match.group(1)] = 0 if parameters in ("void", "") else parameters.count(",") + 1
        table = {name: len(argtypes) for name, _restype, argtypes in _capi.FUNCTIONS}
        self.assertGreater(len(declared), 80)
        self.assertEqual(sorted(set(declared) - set(table)), [], "functions of form4.h missing from the table")
        self.assertEqual(sorted(set(table) - set(declared)), [], "functions in the table but not in form4.h")
        for name, count in declared.items():
            self.assertEqual(table[name], count, f"{name}: argument count")

    def test_the_constants_equal_the_header_macros(self):
        header = "".join(h.read_text() for h in HEADERS)
        macros = dict(re.findall(r"#define FORM4_(\w+) \(?(-?\d+)\)?", header))
        for name in ("OK", "E_ABSENT", "E_PARSE", "E_IO", "E_VERSION", "E_INTERNAL", "FIELD_SHARES",
                     "FIELD_NATURE_OF_OWNERSHIP", "TABLE_DERIVATIVE_HOLDING", "DATASET_TABLE_COUNT",
                     "PARSE_OPTIONS_VERSION", "KIND_BOOL"):
            self.assertEqual(getattr(_capi, name), int(macros[name]), name)
        self.assertEqual(form4.TransactionCode.Z, int(macros["TRANSACTION_CODE_Z"]))
        self.assertEqual(form4.DocumentType.FORM5_AMENDMENT, int(macros["DOCUMENT_TYPE_FORM5_AMENDMENT"]))
        self.assertEqual(form4.FormType.FORM5, int(macros["FORM_TYPE_FORM5"]))
        version = tuple(int(macros[f"VERSION_{part}"]) for part in ("MAJOR", "MINOR", "PATCH"))
        self.assertEqual(form4.library_version, version)
        self.assertEqual(_capi.ABI_VERSION, int(macros["ABI_VERSION"]))

    def test_struct_layouts_match_c(self):
        import ctypes

        self.assertEqual(ctypes.sizeof(_capi.DecimalValue), 56)
        self.assertEqual(ctypes.sizeof(_capi.DateValue), 24)
        self.assertEqual(ctypes.sizeof(_capi.ParseOptions), 72)  # version 2 added record_positions
        options = _capi.ParseOptions()
        _capi.check(_capi.lib.form4_parse_options_init(ctypes.byref(options), _capi.PARSE_OPTIONS_VERSION))
        self.assertEqual((options.version, options.format, options.lenient, options.max_rows), (2, 0, 0, 0))
        self.assertEqual(options.record_positions, 0)

    def test_a_missing_library_fails_the_import_clearly(self):
        env = dict(os.environ, FORM4_LIBRARY="/nonexistent/libform4_c.so.1")
        run = subprocess.run([sys.executable, "-c", "import form4"], env=env, capture_output=True, text=True)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("FORM4_LIBRARY", run.stderr)


class Threads(unittest.TestCase):
    def test_parallel_parses_equal_serial_ones(self):
        files = corpus_xml_files()[:60]
        serial = [form4.to_json(f) if f != BROKEN else None for f in files]
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            parallel = list(pool.map(lambda f: form4.to_json(f) if f != BROKEN else None, files * 3))
        self.assertEqual(parallel, serial * 3)


class CommandLine(unittest.TestCase):
    def run_module(self, *args):
        return subprocess.run([sys.executable, "-m", "form4", *args], capture_output=True, text=True, env=os.environ)

    def test_prints_the_document(self):
        run = self.run_module(str(SAMPLE))
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("Apple Inc.", run.stdout)
        self.assertIn("Adams Katherine L.", run.stdout)
        self.assertEqual(run.stdout.count("transaction "), 7)

    def test_json_and_tables(self):
        run = self.run_module("--json", str(SAMPLE))
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(json.loads(run.stdout)["issuer"]["trading_symbol"], "AAPL")
        run = self.run_module("--tables", str(SAMPLE))
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("# NONDERIV_TRANS", run.stdout)

    def test_a_broken_file_fails_with_its_diagnostics(self):
        run = self.run_module(str(BROKEN))
        self.assertEqual(run.returncode, 1)
        self.assertIn("0001225259-06-000003.xml", run.stderr)
        self.assertIn("error", run.stderr)


class Inputs(unittest.TestCase):
    """Paths that C would misread, and FIFOs that would hang the call."""

    def test_a_path_with_a_nul_byte_is_refused(self):
        with self.assertRaises(ValueError):
            form4.parse(str(SAMPLE) + "\0junk")
        with self.assertRaises(ValueError):
            form4.tables([str(SAMPLE) + "\0junk"])

    def test_a_fifo_without_a_writer_is_refused_not_waited_for(self):
        import tempfile

        with tempfile.TemporaryDirectory() as directory:
            fifo = os.path.join(directory, "no-writer.xml")
            os.mkfifo(fifo)
            with self.assertRaisesRegex(form4.ParseError, "FIFO with no writer"):
                form4.parse(fifo)
            with self.assertRaises(form4.ParseError):
                form4.tables([fifo])


if __name__ == "__main__":
    unittest.main()
