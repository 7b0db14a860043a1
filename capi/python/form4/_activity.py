"""Insider activity over the C ABI: form4.activity, form4.aggregate, form4.clusters.

Each returns a list of dicts, one per row, with the columns of ``form4
activity``: exact numbers as decimal.Decimal, dates as datetime.date, the
acceptance time as datetime.datetime, absent values None."""

from __future__ import annotations

import ctypes
import datetime
import decimal
import json
import os
from typing import Any, Dict, Iterable, List, Optional

from . import _capi as _c

ACTIVITY_OPTIONS_VERSION = 1


class ActivityOptions(ctypes.Structure):
    """form4_activity_options"""

    _fields_ = [
        ("version", ctypes.c_uint),
        ("group_by", ctypes.c_int32),
        ("period", ctypes.c_int32),
        ("window_days", ctypes.c_int32),
        ("as_of", ctypes.c_char_p),
        ("as_of_len", ctypes.c_size_t),
        ("cluster_min_owners", ctypes.c_uint32),
        ("cluster_window_days", ctypes.c_int32),
        ("cluster_min_value", ctypes.c_char_p),
        ("cluster_min_value_len", ctypes.c_size_t),
        ("exclude_10b5_1", ctypes.c_int32),
        ("exclude_ten_percent_owners", ctypes.c_int32),
    ]


class _Activity(ctypes.Structure):
    pass


ActivityP = ctypes.POINTER(_Activity)
_size_p = ctypes.POINTER(ctypes.c_size_t)
_char_pp = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))

_str_p = ctypes.POINTER(ctypes.c_char_p)

# The section's functions: (name, result type, argument types), bound here
# and added to the package's table of every C function (which its tests hold
# to form4.h).
FUNCTIONS = [
    ("form4_activity_options_init", ctypes.c_int, [ctypes.POINTER(ActivityOptions), ctypes.c_uint]),
    ("form4_activity_from_inputs", ctypes.c_int, [ctypes.POINTER(ActivityP), _size_p, ctypes.POINTER(ctypes.c_int32),
                                                  ctypes.POINTER(_c.Input), ctypes.c_size_t,
                                                  ctypes.POINTER(_c.ParseOptions), ctypes.c_uint32]),
    ("form4_activity_from_paths", ctypes.c_int, [ctypes.POINTER(ActivityP), _size_p, ctypes.POINTER(ctypes.c_char_p),
                                                 ctypes.c_size_t, ctypes.POINTER(_c.ParseOptions), ctypes.c_uint32]),
    ("form4_activity_aggregate", ctypes.c_int, [ctypes.POINTER(ActivityP), ActivityP, ctypes.POINTER(ActivityOptions)]),
    ("form4_activity_clusters", ctypes.c_int, [ctypes.POINTER(ActivityP), ActivityP, ctypes.POINTER(ActivityOptions)]),
    ("form4_activity_free", None, [ActivityP]),
    ("form4_activity_column_count", ctypes.c_int, [_size_p, ActivityP]),
    ("form4_activity_column_name", ctypes.c_int, [_str_p, _size_p, ActivityP, ctypes.c_size_t]),
    ("form4_activity_row_count", ctypes.c_int, [_size_p, ActivityP]),
    ("form4_activity_cell", ctypes.c_int, [_str_p, _size_p, ActivityP, ctypes.c_size_t, ctypes.c_size_t]),
    ("form4_activity_to_json", ctypes.c_int, [_char_pp, _size_p, ActivityP]),
]
for _name, _restype, _argtypes in FUNCTIONS:
    try:
        _function = getattr(_c.lib, _name)
    except AttributeError as _error:
        raise ImportError(f"form4: the C library lacks {_name}: it is older than this package") from _error
    _function.restype = _restype
    _function.argtypes = _argtypes
_c.FUNCTIONS.extend(f for f in FUNCTIONS if f not in _c.FUNCTIONS)

_DECIMALS = {"shares", "price", "signed_shares", "value", "shares_owned_after", "shares_owned_before",
             "change_percent", "shares_bought", "value_bought", "shares_sold", "value_sold", "net_shares",
             "net_value"}
_DATES = {"filing_date", "date_of_original_submission", "transaction_date", "deemed_execution_date",
          "plan_adoption_date", "period_start", "period_end", "first_date", "last_date"}


def _typed(row: Dict[str, Any]) -> Dict[str, Any]:
    for key, value in row.items():
        if value is None:
            continue
        if key in _DECIMALS:
            row[key] = decimal.Decimal(value)
        elif key in _DATES:
            row[key] = datetime.date.fromisoformat(value)
        elif key == "acceptance_datetime":
            row[key] = datetime.datetime.fromisoformat(value)
    return row


def _rows_of(handle) -> List[Dict[str, Any]]:
    out = ctypes.POINTER(ctypes.c_char)()
    length = ctypes.c_size_t()
    _c.check(_c.lib.form4_activity_to_json(ctypes.byref(out), ctypes.byref(length), handle))
    try:
        text = ctypes.string_at(out, length.value).decode("utf-8", "replace")
    finally:
        _c.lib.form4_string_free(out)
    return [_typed(row) for row in json.loads(text)]


def _read(sources, format, lenient: bool, errors: str, threads: int):
    """The C table of linked rows for the sources (caller frees)."""
    from . import _input_array, _looks_like_content, _options, _raise_parse_error

    if errors not in ("raise", "skip"):
        raise ValueError(f"form4.activity: errors must be 'raise' or 'skip', not {errors!r}")
    sources = list(sources)
    handle = ActivityP()
    failed = ctypes.c_size_t()
    paths_only = all(isinstance(s, (str, os.PathLike)) and not (isinstance(s, str) and _looks_like_content(s))
                     for s in sources)
    if paths_only and any(os.path.isdir(s) or str(s).endswith((".tar", ".tar.gz", ".tgz")) for s in sources):
        # Directories and archives: the library walks them, as `form4 activity` does.
        paths = (ctypes.c_char_p * len(sources))(*[os.fsencode(s) for s in sources])
        _c.check(_c.lib.form4_activity_from_paths(ctypes.byref(handle), ctypes.byref(failed), paths, len(sources),
                                                  ctypes.byref(_options(format, lenient)), max(0, int(threads))))
        if failed.value and errors == "raise":
            _c.lib.form4_activity_free(handle)
            raise _c.Form4Error(_c.E_PARSE, f"form4.activity: {failed.value} input(s) could not be read")
        return handle
    inputs = _input_array(sources)
    statuses = (ctypes.c_int32 * len(inputs))()
    _c.check(_c.lib.form4_activity_from_inputs(ctypes.byref(handle), ctypes.byref(failed), statuses, inputs,
                                               len(inputs), ctypes.byref(_options(format, lenient)),
                                               max(0, int(threads))))
    if failed.value and errors == "raise":
        _c.lib.form4_activity_free(handle)
        index = next(i for i, status in enumerate(statuses) if status != _c.OK)
        _raise_parse_error(sources[index], index, format, lenient)
    return handle


def activity(sources: Iterable[Any], *, format=0, lenient: bool = False, errors: str = "raise",
             threads: int = 0) -> List[Dict[str, Any]]:
    """One row per transaction of the sources (bytes, str, paths, directories,
    archives), in input order, linked across them (superseded_by,
    duplicate_group, counted).

        >>> rows = form4.activity(["000_8ddcd668f7a6b10e.txt"])
        >>> rows[1]["value"]
        Decimal('204570.000')"""
    handle = _read(sources, format, lenient, errors, threads)
    try:
        return _rows_of(handle)
    finally:
        _c.lib.form4_activity_free(handle)


def _activity_options() -> ActivityOptions:
    options = ActivityOptions()
    _c.check(_c.lib.form4_activity_options_init(ctypes.byref(options), ACTIVITY_OPTIONS_VERSION))
    return options


def aggregate(sources: Iterable[Any], *, by: str = "issuer", period: str = "quarter",
              window_days: Optional[int] = None, as_of: Optional[datetime.date] = None, format=0,
              lenient: bool = False, errors: str = "raise", threads: int = 0) -> List[Dict[str, Any]]:
    """Counted open-market buying and selling per issuer or owner ("by"),
    per calendar period ("month", "quarter", "year") or in one trailing
    window of ``window_days`` ending ``as_of`` (default: the latest trade)."""
    options = _activity_options()
    options.group_by = {"issuer": 0, "owner": 1}[by]
    options.period = {"month": 0, "quarter": 1, "year": 2}[period]
    if window_days is not None:
        options.window_days = int(window_days)
    as_of_text = as_of.isoformat().encode() if as_of is not None else None
    if as_of_text is not None:
        options.as_of, options.as_of_len = as_of_text, len(as_of_text)
    return _derived(_c.lib.form4_activity_aggregate, options, sources, format, lenient, errors, threads)


def clusters(sources: Iterable[Any], *, min_owners: int = 3, window_days: int = 30, min_value: Any = 0,
             exclude_10b5_1: bool = False, exclude_ten_percent_owners: bool = False, format=0,
             lenient: bool = False, errors: str = "raise", threads: int = 0) -> List[Dict[str, Any]]:
    """Cluster buys: at least ``min_owners`` distinct owners buying one
    issuer in the open market within ``window_days``, each for at least
    ``min_value`` (exact: give a Decimal, an int or a str)."""
    options = _activity_options()
    options.cluster_min_owners = int(min_owners)
    options.cluster_window_days = int(window_days)
    min_text = str(min_value).encode()
    options.cluster_min_value, options.cluster_min_value_len = min_text, len(min_text)
    options.exclude_10b5_1 = 1 if exclude_10b5_1 else 0
    options.exclude_ten_percent_owners = 1 if exclude_ten_percent_owners else 0
    return _derived(_c.lib.form4_activity_clusters, options, sources, format, lenient, errors, threads)


def _derived(function, options, sources, format, lenient, errors, threads):
    rows = _read(sources, format, lenient, errors, threads)
    try:
        result = ActivityP()
        _c.check(function(ctypes.byref(result), rows, ctypes.byref(options)))
        try:
            return _rows_of(result)
        finally:
            _c.lib.form4_activity_free(result)
    finally:
        _c.lib.form4_activity_free(rows)
