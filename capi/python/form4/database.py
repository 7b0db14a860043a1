"""form4.to_sqlite: filings kept in an SQLite database (the C library's
form4_sqlite_write, as ``form4 tables --sqlite`` does)."""

from __future__ import annotations

import ctypes
import os
from typing import Iterable, NamedTuple

from . import _capi as _c
from .model import Format


class SqliteSummary(NamedTuple):
    documents_read: int
    documents_failed: int     # could not be read or parsed
    documents_skipped: int    # EDGAR submissions of other forms
    filings_written: int
    filings_refused: int      # parsed, but without an accession number to key them by


def to_sqlite(
    sources: Iterable,
    database: "str | os.PathLike[str]",
    *,
    format: Format = Format.AUTO,
    lenient: bool = False,
    sec_round: bool = False,
    errors: str = "raise",
    threads: int = 0,
) -> SqliteSummary:
    """Writes the eight data-set tables of the filings at ``sources`` (paths:
    files, directories read recursively, .tar/.tar.gz archives) into the
    SQLite file ``database`` (created if missing). A filing already there is
    replaced whole; one transaction per batch of filings, so a run that is
    killed keeps every filing it committed and no half filing.

    Keys: ACCESSION_NUMBER, and the row's number within its filing (see the
    README). Dates are ISO text, numbers exact (INTEGER, REAL of at most 15
    significant digits, or their text).
    ``errors``: "raise" raises Form4Error after writing the rest when a
    source could not be read or written; "skip" only counts them."""
    from . import _options

    if errors not in ("raise", "skip"):
        raise ValueError(f"form4.to_sqlite: errors must be 'raise' or 'skip', not {errors!r}")
    paths = []
    for source in sources:
        if not isinstance(source, (str, os.PathLike)):
            raise TypeError(f"form4.to_sqlite: give paths (files, directories, archives), not a {type(source).__name__}")
        paths.append(os.fsencode(source))
    array = (ctypes.c_char_p * len(paths))(*paths)
    summary = _c.SqliteSummary()
    status = _c.lib.form4_sqlite_write(
        ctypes.byref(summary), os.fsencode(database), array, len(paths),
        ctypes.byref(_options(format, lenient)), 1 if sec_round else 0, max(0, int(threads)))
    if status != _c.OK and not (status == _c.E_PARSE and errors == "skip"):
        raise _c.last_error(status)
    return SqliteSummary(summary.documents_read, summary.documents_failed, summary.documents_skipped,
                         summary.filings_written, summary.filings_refused)
