"""form4.activity / aggregate / clusters over the C ABI, on corpus filings,
with the figures worked out by hand (the C++ tests hold the same ones)."""

from __future__ import annotations

import datetime
import os
import pathlib
import unittest
from decimal import Decimal

import form4

CORPUS = pathlib.Path(os.environ.get("FORM4_CORPUS_DIR", pathlib.Path(__file__).resolve().parents[3] / "shared" / "corpus"))
SAMPLE = CORPUS / "text" / "000_8ddcd668f7a6b10e.txt"


class ActivityTest(unittest.TestCase):
    def test_users_sample_sale(self):
        rows = form4.activity([SAMPLE])
        self.assertEqual(len(rows), 3)
        sale = rows[1]
        self.assertEqual(sale["class"], "sale")
        self.assertTrue(sale["open_market"])
        self.assertEqual(sale["signed_shares"], Decimal("-30000"))
        self.assertEqual(str(sale["value"]), "204570.000")   # 30,000 x 6.819, exact
        self.assertEqual(sale["shares_owned_before"], Decimal("30000"))
        self.assertEqual(sale["change_percent"], Decimal("-100.00"))
        self.assertEqual(sale["transaction_date"], datetime.date(2003, 7, 18))
        self.assertIsNone(sale["business_days_late"])   # a rendering has no filing date
        self.assertEqual(rows[0]["warnings"], "lint.code-direction")

    def test_bytes_and_paths_give_the_same_rows(self):
        path = CORPUS / "submission" / "0001209191-15-030372.txt"
        from_path = form4.activity([path])
        from_bytes = form4.activity([path.read_bytes()])
        self.assertEqual(from_path, from_bytes)
        self.assertEqual(from_path[0]["plan_adoption_date"], datetime.date(2015, 2, 2))
        self.assertEqual(from_path[0]["plan_10b5_1_footnote"], "F1")
        self.assertEqual(from_path[0]["acceptance_datetime"], datetime.datetime(2015, 3, 31, 14, 26, 21))

    def test_one_filing_read_twice_counts_once(self):
        rows = form4.activity([CORPUS / "xml" / "form4" / "0001209191-15-030372.xml",
                               CORPUS / "submission" / "0001209191-15-030372.txt"])
        self.assertEqual([r["counted"] for r in rows], [True, True, False, False])
        self.assertEqual(rows[0]["duplicate_group"], rows[2]["duplicate_group"])

    def test_aggregate_over_a_window_of_a_directory(self):
        net = form4.aggregate([CORPUS / "xml" / "form4"], window_days=90, as_of=datetime.date(2018, 6, 30),
                              errors="skip")
        tesla = [r for r in net if r["key"] == "0001318605"]
        self.assertEqual(len(tesla), 1)
        self.assertEqual(tesla[0]["shares_bought"], Decimal("105500"))   # 33,000 + 72,500
        self.assertEqual(tesla[0]["value_bought"], Decimal("34774433.415"))
        self.assertEqual(tesla[0]["accessions"], "0001494730-18-000002;0001494730-18-000005")
        with self.assertRaises(form4.Form4Error):   # the corpus's one damaged file
            form4.aggregate([CORPUS / "xml" / "form4"])

    def test_clusters(self):
        musk = sorted((CORPUS / "xml" / "form4").glob("0001494730-18-00000*.xml"))
        self.assertEqual(form4.clusters(musk, min_owners=2, window_days=30), [])
        found = form4.clusters(musk, min_owners=1, window_days=30, min_value=Decimal("20000000"))
        # Only June 2018's purchases (24,923,924.275) reach 20 million; May's 9.85 million do not.
        self.assertEqual([(c["first_date"], c["value"]) for c in found],
                         [(datetime.date(2018, 6, 12), Decimal("24923924.275"))])

    def test_cell_getters_agree_with_the_rows(self):
        import ctypes
        from form4 import _activity, _capi

        handle = _activity._read([SAMPLE], 0, False, "raise", 1)
        try:
            count, rows = ctypes.c_size_t(), ctypes.c_size_t()
            _capi.check(_capi.lib.form4_activity_column_count(ctypes.byref(count), handle))
            _capi.check(_capi.lib.form4_activity_row_count(ctypes.byref(rows), handle))
            self.assertEqual(rows.value, 3)
            text, length = ctypes.c_char_p(), ctypes.c_size_t()
            names = []
            for column in range(count.value):
                _capi.check(_capi.lib.form4_activity_column_name(ctypes.byref(text), ctypes.byref(length), handle, column))
                names.append(ctypes.string_at(text, length.value).decode())
                self.assertEqual(text.value.decode(), names[-1])   # NUL-terminated where it ends
            self.assertIn("class", names)
            _capi.check(_capi.lib.form4_activity_cell(ctypes.byref(text), ctypes.byref(length), handle, 1,
                                                      names.index("value")))
            self.assertEqual(ctypes.string_at(text, length.value), b"204570.000")
            status = _capi.lib.form4_activity_cell(ctypes.byref(text), ctypes.byref(length), handle, 3, 0)
            self.assertEqual(status, _capi.E_OUT_OF_RANGE)
        finally:
            _capi.lib.form4_activity_free(handle)

    def test_bad_options(self):
        with self.assertRaises(form4.Form4Error):
            form4.clusters([SAMPLE], window_days=0)
        with self.assertRaises(ValueError):
            form4.activity([SAMPLE], errors="ignore")


if __name__ == "__main__":
    unittest.main()
