"""form4.frames: the data-set tables as pandas DataFrames from Arrow columns.

Run by ctest (tests/frames_sqlite.cmake) with FORM4_LIBRARY, FORM4_CORPUS_DIR
and PYTHONPATH=capi/python. The reference is form4.tables: the rows the TSV
files hold (cell texts before tabs and line breaks are flattened).
"""

from __future__ import annotations

import ctypes
import datetime
import decimal
import glob
import os
import pathlib
import subprocess
import sys
import unittest

import form4
from form4 import _capi

try:
    import numpy
    import pandas
except ImportError:  # the package works without them; these tests do not
    if os.environ.get("FORM4_REQUIRE_PANDAS"):
        raise  # ctest found an interpreter with pandas: its absence is a failure, not a skip
    pandas = None

CORPUS = pathlib.Path(os.environ.get("FORM4_CORPUS_DIR", pathlib.Path(__file__).resolve().parents[3] / "shared" / "corpus"))
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def corpus_files():
    patterns = ["xml/**/*.xml", "submission/*.txt", "submission/*.nc", "text/*.txt", "html/*.html"]
    files = [pathlib.Path(f) for p in patterns for f in sorted(glob.glob(str(CORPUS / p), recursive=True))]
    if len(files) < 300:
        raise AssertionError(f"corpus not found under {CORPUS}")
    return files


def cell_text(value, exact: bool) -> str:
    """A frame's cell written as the data set writes it."""
    if value is None or value is pandas.NA or value is pandas.NaT:
        return ""
    if isinstance(value, float):
        return "" if value != value else repr(value)   # compared by value below
    if isinstance(value, (bool, numpy.bool_)):
        return "1" if value else "0"
    if isinstance(value, (pandas.Timestamp, datetime.date)):
        return f"{value.day:02d}-{MONTHS[value.month - 1]}-{value.year:04d}"
    if isinstance(value, decimal.Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, (int, numpy.integer)):
        return str(int(value))
    return str(value)


@unittest.skipIf(pandas is None, "pandas is not installed")
class FramesEqualTheTables(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = corpus_files()
        cls.tables = form4.tables(cls.files, errors="skip", threads=2)
        cls.float_frames = form4.frames(cls.files, errors="skip", threads=2)
        cls.exact_frames = form4.frames(cls.files, errors="skip", threads=2, exact=True)

    def compare(self, frames, exact: bool):
        self.assertEqual(list(frames), list(self.tables))
        cells = 0
        for name, rows in self.tables.items():
            frame = frames[name]
            self.assertEqual(len(frame), len(rows), name)
            self.assertEqual(list(frame.columns), list(rows[0].keys()) if rows else list(frame.columns), name)
            columns = {column: frame[column].tolist() for column in frame.columns}
            for index, row in enumerate(rows):
                for column, expected in row.items():
                    value = columns[column][index]
                    where = f"{name}[{index}].{column} ({row['ACCESSION_NUMBER']})"
                    if isinstance(value, float):
                        self.assertEqual("" if value != value else float(expected), "" if value != value else value, where)
                        if value != value:
                            self.assertEqual(expected, "", where)
                    else:
                        self.assertEqual(cell_text(value, exact), expected, where)
                    cells += 1
        self.assertGreater(cells, 50_000)

    def test_every_cell_with_exact_numbers(self):
        self.compare(self.exact_frames, exact=True)

    def test_every_cell_with_float_numbers(self):
        self.compare(self.float_frames, exact=False)

    def test_column_types(self):
        frame = self.float_frames["NONDERIV_TRANS"]
        self.assertEqual(str(frame["TRANS_DATE"].dtype), "datetime64[ns]")
        self.assertEqual(frame["TRANS_SHARES"].dtype, numpy.float64)
        self.assertEqual(str(frame["EQUITY_SWAP_INVOLVED"].dtype), "boolean")
        self.assertEqual(frame["NONDERIV_TRANS_SK"].dtype, numpy.int64)
        self.assertEqual(frame["TRANS_CODE"].dtype, object)
        exact = self.exact_frames["NONDERIV_TRANS"]["TRANS_PRICEPERSHARE"].dropna()
        self.assertTrue(all(isinstance(v, decimal.Decimal) for v in exact))

    def test_text_is_one_object_per_distinct_value(self):
        codes = self.float_frames["NONDERIV_TRANS"]["TRANS_CODE"].dropna().tolist()
        self.assertEqual(len({id(c) for c in codes}), len(set(codes)))

    def test_categories(self):
        frames = form4.frames(self.files[:60], errors="skip", categories=True)
        plain = form4.frames(self.files[:60], errors="skip")
        column = frames["NONDERIV_TRANS"]["TRANS_CODE"]
        self.assertEqual(str(column.dtype), "category")
        self.assertEqual(column.astype(object).where(column.notna(), None).tolist(),
                         plain["NONDERIV_TRANS"]["TRANS_CODE"].tolist())

    def test_filings_in_memory_give_the_same_frames(self):
        import importlib
        module = importlib.import_module("form4.frames")
        self.assertIsNotNone(module._BYTES_DATA_OFFSET)
        xml = [f for f in self.files if f.suffix == ".xml"]
        in_memory = [f.read_bytes() for f in xml]
        self.assertIsNotNone(module._in_memory_inputs(numpy, in_memory))
        by_bytes = form4.frames(in_memory, errors="skip")
        by_path = form4.frames(xml, errors="skip")
        for name, frame in by_path.items():
            # A loose XML file's name fills ACCESSION_NUMBER; bytes have none.
            pandas.testing.assert_frame_equal(frame.drop(columns="ACCESSION_NUMBER"),
                                              by_bytes[name].drop(columns="ACCESSION_NUMBER"), obj=name)

    def test_threads_do_not_change_the_frames(self):
        one = form4.frames(self.files, errors="skip", threads=1, exact=True)
        for name, frame in one.items():
            pandas.testing.assert_frame_equal(frame, self.exact_frames[name], obj=name)

    def test_numbers_rounded_as_the_sec_does(self):
        rounded = form4.frames(self.files[:80], errors="skip", exact=True, sec_round=True)
        tables = form4.tables(self.files[:80], errors="skip", sec_round=True)
        prices = rounded["NONDERIV_TRANS"]["TRANS_PRICEPERSHARE"].tolist()
        expected = [row["TRANS_PRICEPERSHARE"] for row in tables["NONDERIV_TRANS"]]
        self.assertEqual([cell_text(p, True) for p in prices], expected)


@unittest.skipIf(pandas is None, "pandas is not installed")
class FramesOverTheLibrarysBuffers(unittest.TestCase):
    """Numbers and row numbers are numpy views of the exported Arrow buffers,
    which stay until the last column made from them goes."""

    def sample(self):
        return [f.read_bytes() for f in sorted((CORPUS / "xml").rglob("*.xml"))[:40]]

    def test_numbers_are_views_that_keep_the_export_alive(self):
        import gc
        import importlib
        import weakref
        module = importlib.import_module("form4.frames")
        frames = form4.frames(self.sample())
        shares = frames["NONDERIV_TRANS"]["TRANS_SHARES"].to_numpy()
        base = shares
        while isinstance(base, numpy.ndarray):
            base = base.base
        self.assertIsInstance(base, module._View, "TRANS_SHARES was copied")
        export = weakref.ref(base.owner)
        expected = shares.copy()
        del frames, base
        gc.collect()
        self.assertIsNotNone(export(), "the export went while a column still used it")
        numpy.testing.assert_array_equal(shares, expected)
        del shares
        gc.collect()
        self.assertIsNone(export(), "the export outlived its last column")

    def test_the_fast_data_frame_equals_pandas_own_constructor(self):
        import importlib
        module = importlib.import_module("form4.frames")
        for name, frame in form4.frames(self.sample()).items():
            columns = {column: frame[column].array for column in frame.columns}
            public = pandas.DataFrame(columns, index=pandas.RangeIndex(len(frame)), copy=False)
            pandas.testing.assert_frame_equal(module._data_frame(pandas, columns, len(frame)), public, obj=name)
            self.assertEqual(list(frame.dtypes), list(public.dtypes), name)


@unittest.skipIf(pandas is None, "pandas is not installed")
class FramesErrors(unittest.TestCase):
    def test_a_bad_source_raises_unless_skipped(self):
        good = CORPUS / "xml" / "form4" / "0000320193-22-000061.xml"
        with self.assertRaises(form4.ParseError):
            form4.frames([good, b"<ownershipDocument><oops"])
        frames = form4.frames([good, b"<ownershipDocument><oops"], errors="skip")
        self.assertEqual(len(frames["SUBMISSION"]), 1)

    def test_no_sources_gives_empty_frames_with_the_columns(self):
        frames = form4.frames([])
        self.assertEqual(len(frames), 8)
        self.assertEqual(len(frames["DERIV_TRANS"].columns), 42)
        self.assertEqual(len(frames["DERIV_TRANS"]), 0)

    def test_a_date_pandas_cannot_hold_keeps_its_column_exact(self):
        text = (CORPUS / "xml" / "form4" / "0000320193-22-000061.xml").read_text()
        damaged = text.replace("<value>2022-05-04</value>", "<value>2502-05-04</value>", 1)
        self.assertTrue(damaged != text, "the sample changed")
        frame = form4.frames([damaged.encode()])["NONDERIV_TRANS"]
        self.assertEqual(frame["TRANS_DATE"].dtype, object)
        self.assertEqual(frame["TRANS_DATE"][0], datetime.date(2502, 5, 4))
        self.assertEqual(frame["TRANS_DATE"][1], datetime.date(2022, 5, 4))


class ArrowExport(unittest.TestCase):
    """The C side of frames: Arrow structures as the specification has them."""

    def columns(self, sources):
        inputs = form4._input_array(sources)
        handle = _capi.ColumnsP()
        _capi.check(_capi.lib.form4_dataset_columns_from_inputs(
            ctypes.byref(handle), None, None, inputs, len(inputs), None, None, 2))
        return handle

    def test_release_callbacks_and_moving_a_child_out(self):
        handle = self.columns([CORPUS / "xml" / "form4" / "0000320193-22-000061.xml"])
        try:
            schema, array = _capi.ArrowSchema(), _capi.ArrowArray()
            _capi.check(_capi.lib.form4_columns_export(ctypes.byref(schema), ctypes.byref(array), handle, 2))
            self.assertEqual(schema.format, b"+s")
            self.assertEqual(schema.name, b"NONDERIV_TRANS")
            self.assertEqual(array.n_children, schema.n_children)
            status = _capi.lib.form4_columns_export(ctypes.byref(_capi.ArrowSchema()), ctypes.byref(_capi.ArrowArray()),
                                                    handle, 2)
            self.assertEqual(status, _capi.E_INVALID_ARGUMENT)
        finally:
            _capi.lib.form4_columns_free(handle)   # the exported table outlives the handle
        # Move the SECURITY_TITLE column (a dictionary array) out, then release the parent first.
        moved_schema = _capi.ArrowSchema.from_buffer_copy(schema.children[2].contents)
        moved_array = _capi.ArrowArray.from_buffer_copy(array.children[2].contents)
        schema.children[2].contents.release = _capi.ArrowSchema._fields_[7][1]()
        array.children[2].contents.release = _capi.ArrowArray._fields_[8][1]()
        array.release(ctypes.byref(array))
        schema.release(ctypes.byref(schema))
        self.assertFalse(array.release)
        self.assertFalse(schema.release)
        self.assertEqual(moved_schema.format, b"i")
        self.assertEqual(moved_schema.dictionary.contents.format, b"U")
        dictionary = moved_array.dictionary.contents
        offsets = ctypes.cast(dictionary.buffers[1], ctypes.POINTER(ctypes.c_int64))
        title = ctypes.string_at(dictionary.buffers[2] + offsets[0], offsets[1] - offsets[0])
        self.assertEqual(title, b"Common Stock")
        moved_array.release(ctypes.byref(moved_array))
        moved_schema.release(ctypes.byref(moved_schema))
        self.assertFalse(moved_array.release)

    def test_formats(self):
        handle = self.columns([CORPUS / "xml" / "form4" / "0000320193-22-000061.xml"])
        try:
            schema, array = _capi.ArrowSchema(), _capi.ArrowArray()
            _capi.check(_capi.lib.form4_columns_export(ctypes.byref(schema), ctypes.byref(array), handle, 4))
            formats = {schema.children[i].contents.name.decode(): schema.children[i].contents.format.decode()
                       for i in range(schema.n_children)}
            array.release(ctypes.byref(array))
            schema.release(ctypes.byref(schema))
        finally:
            _capi.lib.form4_columns_free(handle)
        self.assertEqual(formats["DERIV_TRANS_SK"], "l")
        self.assertEqual(formats["TRANS_DATE"], "tdD")
        self.assertEqual(formats["TRANS_SHARES"], "g")
        self.assertEqual(formats["EQUITY_SWAP_INVOLVED"], "b")
        self.assertEqual(formats["SECURITY_TITLE"], "i")


class WithoutPandas(unittest.TestCase):
    def test_the_package_works_and_frames_says_what_to_install(self):
        script = (
            "import sys; sys.modules['pandas'] = None; sys.modules['numpy'] = None\n"
            "import form4\n"
            f"doc = form4.parse({str(CORPUS / 'xml' / 'form4' / '0000320193-22-000061.xml')!r})\n"
            "assert doc.issuer.name == 'Apple Inc.'\n"
            "try:\n"
            "    form4.frames([])\n"
            "except ImportError as error:\n"
            "    print(error)\n"
        )
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
        self.assertIn("python3-pandas", out)


if __name__ == "__main__":
    unittest.main()
