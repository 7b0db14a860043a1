"""form4.frames: the SEC data-set tables of many filings as pandas DataFrames.

The C library parses on its threads and fills the tables' columns in the
Apache Arrow C data interface layout; each column becomes a numpy array with
a few whole-array operations, never a Python object per row. Numbers and row
numbers are numpy views of the library's buffers, not copies: the buffers
stay until the last column made from them goes.

- text: one ``str`` per distinct text of the column, shared by every row
  that holds it (object dtype, or ``pandas.Categorical`` with
  ``categories=True``); absent is ``None`` (or NaN in a Categorical);
- dates: ``datetime64[ns]`` (absent: NaT). A date pandas cannot hold that way
  (before 1677 or after 2262: a typo such as 2502 for 2052) makes its column
  an object column of ``datetime.date``, so that no date is lost;
- flags (NO_SECURITIES_OWNED, EQUITY_SWAP_INVOLVED, ...): pandas' nullable
  ``boolean``;
- row numbers (*_SK): ``int64``, 1-based across the call, as ``form4.tables``;
- numbers (shares, prices, values): ``float64`` by default (absent: NaN);
  ``exact=True`` gives ``decimal.Decimal`` objects, exact as filed, one per
  distinct value of the column (written without trailing zeros: 26.80 is
  ``Decimal('26.8')``).

Only this module needs numpy and pandas (Debian's python3-pandas); the rest
of the package works without them.
"""

from __future__ import annotations

import ctypes
import datetime
import decimal
import platform
from typing import Dict, Iterable

from . import _capi as _c
from .model import Format

_INSTALL_HINT = (
    "form4.frames needs pandas and numpy: install Debian's python3-pandas "
    "(apt-get install python3-pandas) or `pip install pandas`"
)


def _pandas():
    try:
        import numpy
        import pandas
    except ImportError as error:
        raise ImportError(_INSTALL_HINT) from error
    return numpy, pandas


def frames(
    sources: Iterable,
    *,
    format: Format = Format.AUTO,
    lenient: bool = False,
    sec_round: bool = False,
    exact: bool = False,
    categories: bool = False,
    errors: str = "raise",
    threads: int = 0,
) -> Dict[str, "pandas.DataFrame"]:
    """The eight SEC "Form 345" data-set tables of many filings, table name
    -> DataFrame with the SEC's columns in the SEC's order; the rows of
    ``form4.tables`` (the same sources, errors and threads), typed as the
    module says. ``exact``: numbers as ``decimal.Decimal`` instead of
    ``float64``. ``categories``: text columns as ``pandas.Categorical``.

        >>> frames = form4.frames(pathlib.Path("filings").glob("*.xml"))
        >>> frames["NONDERIV_TRANS"].groupby("TRANS_CODE")["TRANS_SHARES"].sum()"""
    from . import _batch, _options, _raise_first_failure

    numpy, pandas = _pandas()
    sources, inputs, statuses = _batch(sources, errors, "form4.frames", lambda s: _in_memory_inputs(numpy, s))
    count = len(inputs)
    if isinstance(inputs, numpy.ndarray):
        inputs = inputs.ctypes.data_as(ctypes.POINTER(_c.Input))   # `sources` keeps the bytes alive
    failed = ctypes.c_size_t()
    options = _c.ColumnsOptions()
    _c.check(_c.lib.form4_columns_options_init(ctypes.byref(options), _c.COLUMNS_OPTIONS_VERSION))
    options.sec_round = 1 if sec_round else 0
    options.exact_numbers = 1 if exact else 0
    handle = _c.ColumnsP()
    _c.check(_c.lib.form4_dataset_columns_from_inputs(
        ctypes.byref(handle), ctypes.byref(failed), statuses, inputs, count,
        ctypes.byref(_options(format, lenient)), ctypes.byref(options), max(0, int(threads))))
    try:
        _raise_first_failure(sources, statuses, failed.value, errors, format, lenient)
        count = ctypes.c_size_t()
        _c.check(_c.lib.form4_columns_table_count(ctypes.byref(count), handle))
        reader = _Reader(numpy, pandas, categories)
        out = {}
        for table in range(count.value):
            schema, exported = _c.ArrowSchema(), _Exported()
            _c.check(_c.lib.form4_columns_export(ctypes.byref(schema), ctypes.byref(exported.array), handle, table))
            try:
                out[schema.name.decode()] = reader.frame(schema, exported)
            finally:
                schema.release(ctypes.byref(schema))
        return out
    finally:
        _c.lib.form4_columns_free(handle)


class _Exported:
    """One exported table's ArrowArray, released when the last numpy view of
    its buffers (the columns' `base`) goes."""

    __slots__ = ("array", "__weakref__")

    def __init__(self):
        self.array = _c.ArrowArray()

    def __del__(self, byref=ctypes.byref):   # bound now: at exit, module globals may be gone
        if self.array.release:
            self.array.release(byref(self.array))


class _View:
    """A buffer of an exported array as numpy sees it (the array interface),
    keeping the export alive for as long as a view of it lives."""

    __slots__ = ("__array_interface__", "owner")

    def __init__(self, address: int, typestr: str, count: int, owner):
        self.__array_interface__ = {"data": (address, False), "shape": (count,), "typestr": typestr, "version": 3}
        self.owner = owner


# form4_input, field by field (five 8-byte words on the 64-bit platforms).
_INPUT_DTYPE = [("data", "<u8"), ("len", "<u8"), ("path", "<u8"), ("accession_fallback", "<u8"),
                ("accession_fallback_len", "<u8")]


def _bytes_data_offset():
    """How far a bytes object's data lies from its id() in CPython (where
    id() is the object's address), or None where that does not hold."""
    if platform.python_implementation() != "CPython" or ctypes.sizeof(_c.Input) != 40:
        return None
    samples = (b"form4", b"x" * 100)
    offsets = {ctypes.cast(ctypes.c_char_p(b), ctypes.c_void_p).value - id(b) for b in samples}
    return offsets.pop() if len(offsets) == 1 else None


_BYTES_DATA_OFFSET = _bytes_data_offset()


def _in_memory_inputs(numpy, sources):
    """The form4_input array of sources that are all ``bytes`` (filings held
    in memory), made by numpy from the objects' addresses: no ctypes object
    per source, which cost 1 to 3 µs each. None for any other sources."""
    if _BYTES_DATA_OFFSET is None or not sources or set(map(type, sources)) != {bytes}:
        return None
    n = len(sources)
    array = numpy.zeros(n, dtype=_INPUT_DTYPE)
    array["data"] = numpy.fromiter(map(id, sources), dtype=numpy.uint64, count=n) + numpy.uint64(_BYTES_DATA_OFFSET)
    array["len"] = numpy.fromiter(map(len, sources), dtype=numpy.uint64, count=n)
    return array


class _Reader:
    """Arrow arrays (the formats columns.h lists) -> numpy arrays -> pandas.
    Buffers are read in place (numpy views kept alive by the export);
    numbers and row numbers stay views, the rest is made by numpy from them."""

    def __init__(self, numpy, pandas, categories: bool):
        self.np = numpy
        self.pd = pandas
        self.categories = categories

    def frame(self, schema, exported):
        self.owner = exported
        array = exported.array
        columns = {}
        for i in range(schema.n_children):
            child_schema = schema.children[i].contents
            columns[child_schema.name.decode()] = self.column(child_schema, array.children[i].contents)
        return _data_frame(self.pd, columns, array.length)

    # Buffers.

    def view(self, array, index: int, dtype, count: int):
        np = self.np
        address = array.buffers[index]
        if count == 0 or not address:
            return np.zeros(count, dtype=dtype)
        return np.asarray(_View(address, np.dtype(dtype).str, count, self.owner))

    def bits(self, array, index: int):
        packed = self.view(array, index, self.np.uint8, (array.length + 7) // 8)
        return self.np.unpackbits(packed, count=array.length, bitorder="little").view(bool)

    def valid(self, array):
        """The validity bitmap as bools, or None when every row is valid."""
        if array.null_count == 0 or not array.buffers[0]:
            return None
        return self.bits(array, 0)

    # Columns by format.

    def column(self, schema, array):
        fmt = schema.format
        n = array.length
        if fmt == b"i" and schema.dictionary:
            return self.text(array)   # a null's index is -1
        if fmt == b"g":
            return self.view(array, 1, self.np.float64, n)   # a null is NaN
        if fmt == b"l":
            values = self.view(array, 1, self.np.int64, n)
            valid = self.valid(array)
            return values if valid is None else self.pd.arrays.IntegerArray(values, ~valid)
        valid = self.valid(array)
        if fmt == b"b":
            mask = self.np.zeros(n, dtype=bool) if valid is None else ~valid
            return self.pd.arrays.BooleanArray(self.bits(array, 1), mask)
        if fmt == b"tdD":
            return self.dates(self.view(array, 1, self.np.int32, n), valid)
        if fmt.startswith(b"d:"):
            return self.decimals(array, int(fmt.split(b",")[1]), valid)
        raise _c.Form4Error(_c.E_INTERNAL, f"form4.frames: unexpected Arrow format {fmt.decode()!r}")

    def text(self, array):
        np = self.np
        codes = self.view(array, 1, np.int32, array.length)
        dictionary = array.dictionary.contents
        size = dictionary.length
        offsets = self.view(dictionary, 1, np.int64, size + 1).tolist() if size else [0]
        data = ctypes.string_at(dictionary.buffers[2], offsets[-1]) if offsets[-1] else b""
        if data.isascii():
            whole = data.decode("ascii")
            texts = [whole[a:b] for a, b in zip(offsets, offsets[1:])]
        else:
            texts = [data[a:b].decode("utf-8", "replace") for a, b in zip(offsets, offsets[1:])]
        if len(set(texts)) != len(texts):
            # Two invalid byte sequences read as the same replacement text.
            first = {}
            remap = np.array([first.setdefault(t, len(first)) for t in texts] + [-1], dtype=np.int32)
            codes = remap[codes]   # -1 (null) stays -1: remap's last
            texts = list(first)
        table = np.empty(len(texts) + 1, dtype=object)
        table[:-1] = texts
        table[-1] = None   # what a null's index, -1, points at
        if self.categories:
            # An object Index of the texts as they are: pandas infers
            # nothing from them (which cost a millisecond a column).
            categories = self.pd.Index(table[:-1], dtype=object, copy=False)
            return self.pd.Categorical.from_codes(codes, dtype=self.pd.CategoricalDtype(categories))
        return table[codes]   # indexing: several times faster than take() on objects

    # datetime64[ns] holds 1677-09-22 to 2262-04-11.
    _NS_FIRST_DAY = -106_751
    _NS_LAST_DAY = 106_750

    def dates(self, days, valid):
        np = self.np
        present = days if valid is None else days[valid]
        if present.size and (present.min() < self._NS_FIRST_DAY or present.max() > self._NS_LAST_DAY):
            epoch = datetime.date(1970, 1, 1).toordinal()
            distinct, index = np.unique(days, return_inverse=True)
            table = np.array([datetime.date.fromordinal(epoch + int(d)) for d in distinct] + [None], dtype=object)
            if valid is not None:
                index[~valid] = len(distinct)
            return table.take(index)
        values = days.astype("datetime64[D]").astype("datetime64[ns]")
        if valid is not None:
            values[~valid] = np.datetime64("NaT")
        return values

    def decimals(self, array, scale: int, valid):
        """decimal128 -> one Decimal per distinct value, shared by its rows."""
        np = self.np
        n = array.length
        values = self.view(array, 1, np.uint64, 2 * n).view("V16")
        distinct, index = np.unique(values, return_inverse=True)
        table = np.empty(len(distinct) + 1, dtype=object)
        for k, raw in enumerate(distinct):
            table[k] = _decimal(int.from_bytes(raw.tobytes(), "little", signed=True), scale)
        table[-1] = None
        if valid is not None:
            index[~valid] = len(distinct)
        return table.take(index)


def _data_frame(pandas, columns: dict, rows: int):
    """A DataFrame of typed arrays, taken as they are: one block per column,
    nothing copied or consolidated, no column scanned. pandas' public
    constructor (the fallback) scans every object column for dates (a third
    of the serial time) and wraps each column first; its internal one does
    neither, where this pandas has it as 1.x and 2.x do."""
    index = pandas.RangeIndex(rows)
    try:
        from pandas.core.internals.construction import arrays_to_mgr
        manager = arrays_to_mgr(list(columns.values()), pandas.Index(list(columns)), index,
                                verify_integrity=False, typ="block", consolidate=False)
        from_manager = getattr(pandas.DataFrame, "_from_mgr", None)
        return from_manager(manager, axes=manager.axes) if from_manager else pandas.DataFrame(manager)
    except (ImportError, TypeError, AttributeError, ValueError):
        return pandas.DataFrame(columns, index=index, copy=False)


def _decimal(unscaled: int, scale: int) -> decimal.Decimal:
    """unscaled * 10**-scale, without trailing fractional zeros."""
    while scale > 0 and unscaled % 10 == 0:
        unscaled //= 10
        scale -= 1
    sign = 1 if unscaled < 0 else 0
    return decimal.Decimal((sign, tuple(int(d) for d in str(abs(unscaled))), -scale))
