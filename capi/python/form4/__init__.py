"""form4: SEC Form 3/4/5 ownership filings, read by libform4_c.

    >>> import form4
    >>> doc = form4.parse("0000320193-22-000061.xml")
    >>> doc.issuer.name, doc.non_derivative_transactions[0].shares.value
    ('Apple Inc.', Decimal('9136'))
    >>> tables = form4.dataset("0000320193-22-000061.xml")
    >>> tables["NONDERIV_TRANS"][0]["TRANS_CODE"]     # pandas.DataFrame(tables[...]) works too
    'S'
    >>> many = form4.tables(["a.xml", "b.xml", b"<ownershipDocument>..."])   # one C call for all
    >>> frames = form4.frames(["a.xml", "b.xml"])       # pandas DataFrames, from Arrow columns
    >>> form4.to_sqlite(["filings/"], "insiders.db")    # each filing replaced whole

``source`` is everywhere one of: ``bytes`` (or ``bytearray``/``memoryview``:
the filing's bytes), an ``os.PathLike`` (a file), or ``str``: the filing's
text when it holds a ``<`` or a line break, else a file name.

Every call copies what it needs out of the C library and frees the C
objects before it returns; no Python object holds a C pointer.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Union

from . import _capi as _c
from . import _pickled
from ._capi import Form4Error
from .model import (
    AcquiredDisposed,
    Address,
    Coded,
    DerivativeHolding,
    DerivativeTransaction,
    Diagnostic,
    Document,
    DocumentType,
    FilingMetadata,
    Footnote,
    Footnoted,
    Format,
    FormType,
    HoldingCoding,
    Issuer,
    LintFinding,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    OwnershipForm,
    OwnershipNature,
    PostTransactionAmounts,
    Relationship,
    ReportingOwner,
    ReportingOwnerId,
    Severity,
    Signature,
    Timeliness,
    TransactionCode,
    TransactionCoding,
    UnderlyingSecurity,
)

__all__ = [
    "parse", "dataset", "tables", "to_json", "lint", "LintFinding", "ParseError", "Form4Error", "Format", "Severity",
    "Document", "Diagnostic", "Issuer", "ReportingOwner", "ReportingOwnerId", "Address", "Relationship",
    "NonDerivativeTransaction", "NonDerivativeHolding", "DerivativeTransaction", "DerivativeHolding",
    "TransactionCoding", "HoldingCoding", "PostTransactionAmounts", "OwnershipNature", "UnderlyingSecurity",
    "Footnote", "Footnoted", "Signature", "FilingMetadata", "Coded", "DocumentType", "TransactionCode",
    "AcquiredDisposed", "OwnershipForm", "Timeliness", "FormType", "library_version", "library_path",
    "__version__", "frames", "to_sqlite",
]

# The version of the C library in use, and where it was found.
library_version = _c.version
library_path = str(_c.path)
__version__ = "%d.%d.%d" % library_version

Source = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]"]


class ParseError(Form4Error):
    """The input could not be read into a document; ``diagnostics`` say why."""

    def __init__(self, status: int, message: str, diagnostics: Sequence[Diagnostic]):
        super().__init__(status, message)
        self.diagnostics = tuple(diagnostics)

    def __str__(self) -> str:
        lines = [super().__str__()] + ["  " + str(d) for d in self.diagnostics]
        return "\n".join(lines)


# ---------------------------------------------------------------------------
# Calling the C library


@functools.lru_cache(maxsize=None)
def _options(format: Format, lenient: bool, positions: bool = False) -> _c.ParseOptions:
    """The options struct for a (format, lenient, positions) triple, made
    once: the C side only reads it, so one struct serves every call and thread."""
    options = _c.ParseOptions()
    _c.check(_c.lib.form4_parse_options_init(ctypes.byref(options), _c.PARSE_OPTIONS_VERSION))
    options.format = int(format)
    options.lenient = 1 if lenient else 0
    options.record_positions = 1 if positions else 0
    return options


def _looks_like_content(text: str) -> bool:
    return "<" in text or "\n" in text or "\r" in text


@contextlib.contextmanager
def _parsed(source: Source, format: Format, lenient: bool, positions: bool = False) -> Iterator[tuple]:
    """Parses and yields (document handle, diagnostics, format, file stem);
    frees the C result on the way out. Raises ParseError without a document.
    ``positions``: note where each field was read (for lint)."""
    result, status, stem = _parse_result(source, _options(format, lenient, positions))
    error = _c.last_error(status) if status != _c.OK else None
    try:
        diagnostics = tuple(_diagnostics(result))
        format_out = ctypes.c_int32()
        _c.check(_c.lib.form4_result_format(ctypes.byref(format_out), result))
        document = _c.DocumentP()
        if status != _c.OK:
            raise ParseError(status, str(error), diagnostics)
        _c.check(_c.lib.form4_result_document(ctypes.byref(document), result))
        yield document, diagnostics, Format(format_out.value), stem
    finally:
        _c.lib.form4_result_free(result)


def _diagnostics(result) -> Iterator[Diagnostic]:
    count = ctypes.c_size_t()
    _c.check(_c.lib.form4_result_diagnostic_count(ctypes.byref(count), result))
    for index in range(count.value):
        handle = _c.DiagnosticP()
        _c.check(_c.lib.form4_result_diagnostic(ctypes.byref(handle), result, index))
        severity, line, column = _severity_and_place(
            handle, _c.lib.form4_diagnostic_severity, _c.lib.form4_diagnostic_line, _c.lib.form4_diagnostic_column)
        yield Diagnostic(
            severity=severity,
            code=_text(_c.lib.form4_diagnostic_code, handle),
            message=_text(_c.lib.form4_diagnostic_message, handle),
            line=line,
            column=column,
        )


def _severity_and_place(handle, severity_of, line_of, column_of) -> tuple:
    """(Severity, line, column) of a diagnostic or a lint finding."""
    severity = ctypes.c_int32()
    line = ctypes.c_size_t()
    column = ctypes.c_size_t()
    _c.check(severity_of(ctypes.byref(severity), handle))
    _c.check(line_of(ctypes.byref(line), handle))
    _c.check(column_of(ctypes.byref(column), handle))
    return Severity(severity.value), line.value, column.value


# Copying a (pointer, length) or count output out at once.


def _text(getter, handle, *extra) -> str:
    pointer = ctypes.c_char_p()
    length = ctypes.c_size_t()
    _c.check(getter(ctypes.byref(pointer), ctypes.byref(length), handle, *extra))
    return _c.text(pointer, length)


def _count(getter, handle, *extra) -> int:
    count = ctypes.c_size_t()
    _c.check(getter(ctypes.byref(count), handle, *extra))
    return count.value


def _json_text(doc, flags: int = 0) -> str:
    out = ctypes.POINTER(ctypes.c_char)()
    length = ctypes.c_size_t()
    _c.check(_c.lib.form4_document_to_json(ctypes.byref(out), ctypes.byref(length), doc, flags))
    try:
        # As the field getters did: a stray invalid byte spoils one character, not the filing.
        return ctypes.string_at(out, length.value).decode("utf-8", "replace")
    finally:
        _c.lib.form4_string_free(out)


# ---------------------------------------------------------------------------
# The public calls


def _path_bytes(path) -> bytes:
    """The path for C; one holding a NUL byte would be cut short there and
    name another file, so it is refused as open() refuses it."""
    encoded = os.fsencode(path)
    if b"\0" in encoded:
        raise ValueError(f"form4: embedded null byte in path {os.fsdecode(encoded)!r}")
    return encoded


def _parse_result(source: Source, options: _c.ParseOptions) -> tuple:
    """(result handle, status, file stem or None) of form4_parse or
    form4_parse_file. The caller frees the result. Raises for a bad
    argument (no result at all); a failed parse still has one."""
    result = _c.ResultP()
    stem = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = source if type(source) is bytes else bytes(source)
        status = _c.lib.form4_parse(ctypes.byref(result), data, len(data), options)
    elif isinstance(source, str) and _looks_like_content(source):
        data = source.encode("utf-8")
        status = _c.lib.form4_parse(ctypes.byref(result), data, len(data), options)
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        stem = os.path.splitext(os.path.basename(path))[0]
        status = _c.lib.form4_parse_file(ctypes.byref(result), _path_bytes(path), options)
    else:
        raise TypeError(f"form4: cannot parse a {type(source).__name__}: give bytes, str or a path")
    if not result:  # no result at all: a bad argument, not a bad filing
        raise _c.last_error(status) if status != _c.OK else Form4Error(_c.E_INTERNAL, "form4: no result")
    return result, status, stem


def parse(source: Source, *, format: Format = Format.AUTO, lenient: bool = False) -> Document:
    """Reads one filing into a Document (raises ParseError when it cannot;
    warnings of a successful parse are in ``Document.diagnostics``)."""
    result, status, _stem = _parse_result(source, _options(format, lenient))
    try:
        error = _c.last_error(status) if status != _c.OK else None
        # The whole result as one pickle stream, which the C unpickler turns
        # into the dataclasses: no JSON, no Python code per object.
        stream = _pickled.stream(_c.lib.form4_result_to_pickle, result, _pickled.RESULT_FLAGS)
    finally:
        _c.lib.form4_result_free(result)
    document, diagnostics = _pickled.result(stream)
    if error is not None:
        raise ParseError(status, str(error), diagnostics)
    return document


def to_json(source: Source, *, format: Format = Format.AUTO, lenient: bool = False, pretty: bool = False) -> str:
    """The filing as the C++ library's JSON text."""
    with _parsed(source, format, lenient) as (doc, _diagnostics, _format, _stem):
        return _json_text(doc, _c.JSON_PRETTY if pretty else 0)


def lint(source: Source, *, format: Format = Format.AUTO, lenient: bool = False) -> List[LintFinding]:
    """The form's rules the filing breaks (the C++ form4::lint), each with the
    line and column where its field was read when the parse knows it (rendered
    text, HTML, XML, submissions). Raises ParseError when the filing cannot be
    read."""
    with _parsed(source, format, lenient, positions=True) as (doc, _diagnostics, _format, _stem):
        report = _c.LintReportP()
        _c.check(_c.lib.form4_lint(ctypes.byref(report), doc))
        try:
            count = _count(_c.lib.form4_lint_report_finding_count, report)
            return [_lint_finding(report, index) for index in range(count)]
        finally:
            _c.lib.form4_lint_report_free(report)


def _lint_finding(report, index: int) -> LintFinding:
    handle = _c.LintFindingP()
    _c.check(_c.lib.form4_lint_report_finding(ctypes.byref(handle), report, index))
    severity, line, column = _severity_and_place(
        handle, _c.lib.form4_lint_finding_severity, _c.lib.form4_lint_finding_line, _c.lib.form4_lint_finding_column)
    return LintFinding(
        severity=severity,
        code=_text(_c.lib.form4_lint_finding_code, handle),
        field=_text(_c.lib.form4_lint_finding_field, handle),
        message=_text(_c.lib.form4_lint_finding_message, handle),
        reference=_text(_c.lib.form4_lint_finding_reference, handle),
        line=line,
        column=column,
    )


def dataset(
    source: Source,
    *,
    format: Format = Format.AUTO,
    lenient: bool = False,
    accession: Optional[str] = None,
    sec_round: bool = False,
) -> Dict[str, List[Dict[str, str]]]:
    """The SEC "Form 345" data-set rows of one filing: table name ->
    list of rows, each a dict column -> text ("" when absent), in the SEC's
    column order. ``pandas.DataFrame(tables["NONDERIV_TRANS"])`` makes a frame.

    ``accession`` fills ACCESSION_NUMBER when the filing carries none; by
    default a file's name (without extension) does."""
    with _parsed(source, format, lenient) as (doc, _diagnostics, _format, stem):
        options = _c.DatasetOptions()
        _c.check(_c.lib.form4_dataset_options_init(ctypes.byref(options), _c.DATASET_OPTIONS_VERSION))
        options.sec_round = 1 if sec_round else 0
        fallback = accession if accession is not None else stem
        if fallback is not None:
            encoded = fallback.encode("utf-8")
            options.accession_fallback = encoded
            options.accession_fallback_len = len(encoded)
        handle = _c.DatasetP()
        _c.check(_c.lib.form4_document_to_dataset(ctypes.byref(handle), doc, ctypes.byref(options)))
        try:
            return _pickled.dataset(_pickled.stream(_c.lib.form4_dataset_to_pickle, handle))
        finally:
            _c.lib.form4_dataset_free(handle)


def tables(
    sources: Iterable[Source],
    *,
    format: Format = Format.AUTO,
    lenient: bool = False,
    sec_round: bool = False,
    errors: str = "raise",
    threads: int = 0,
) -> Dict[str, List[Dict[str, str]]]:
    """The SEC "Form 345" data-set tables of many filings, in one call into
    the C library: the same table name -> rows as ``dataset``, with the rows
    of every source in order and surrogate keys (*_SK) numbered across them.

    Each source is what ``parse`` takes; a file's name (without extension)
    fills ACCESSION_NUMBER when the filing carries none. ``errors``:
    "raise" raises the ParseError of the first source that cannot be read,
    "skip" leaves such sources out. The library parses on up to ``threads``
    threads (0: one per core); the rows do not depend on the number.

        >>> tables = form4.tables(pathlib.Path("filings").glob("*.xml"))
        >>> len(tables["NONDERIV_TRANS"])"""
    sources, inputs, statuses = _batch(sources, errors, "form4.tables")
    failed = ctypes.c_size_t()
    options = _c.DatasetOptions()
    _c.check(_c.lib.form4_dataset_options_init(ctypes.byref(options), _c.DATASET_OPTIONS_VERSION))
    options.sec_round = 1 if sec_round else 0
    handle = _c.DatasetP()
    _c.check(_c.lib.form4_dataset_from_inputs(
        ctypes.byref(handle), ctypes.byref(failed), statuses, inputs, len(inputs),
        ctypes.byref(_options(format, lenient)), ctypes.byref(options), max(0, int(threads))))
    try:
        _raise_first_failure(sources, statuses, failed.value, errors, format, lenient)
        # Rows come out of the C unpickler as dicts in column order, each
        # distinct cell text one shared str: nothing to build here.
        data = _pickled.stream(_c.lib.form4_dataset_to_pickle, handle)
    finally:
        _c.lib.form4_dataset_free(handle)
    return _pickled.dataset(data)


def _batch(sources: Iterable[Source], errors: str, caller: str, make_inputs=None) -> tuple:
    """(the sources as a list, their form4_input array, an array for their
    statuses) for a call over many sources. ``make_inputs``: a faster way to
    the array for some sources (None when it does not apply)."""
    if errors not in ("raise", "skip"):
        raise ValueError(f"{caller}: errors must be 'raise' or 'skip', not {errors!r}")
    sources = list(sources)
    inputs = make_inputs(sources) if make_inputs is not None else None
    if inputs is None:
        inputs = _input_array(sources)
    return sources, inputs, (ctypes.c_int32 * len(inputs))()


def _raise_first_failure(sources, statuses, failed: int, errors: str, format: Format, lenient: bool) -> None:
    """With errors="raise", the ParseError of the first source that failed in a batch."""
    if failed and errors == "raise":
        index = next(i for i, status in enumerate(statuses) if status != _c.OK)
        _raise_parse_error(sources[index], index, format, lenient)


def _input_array(sources: Sequence[Source]):
    """The form4_input array of many sources (the array keeps the bytes
    objects its pointers point into alive)."""
    entries = []
    for source in sources:
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            entries.append((data, len(data), None, None, 0))
        elif isinstance(source, str) and _looks_like_content(source):
            data = source.encode("utf-8")
            entries.append((data, len(data), None, None, 0))
        elif isinstance(source, (str, os.PathLike)):
            entries.append((None, 0, _path_bytes(source), None, 0))
        else:
            raise TypeError(f"form4: cannot parse a {type(source).__name__}: give bytes, str or a path")
    return (_c.Input * len(entries))(*entries)


def _raise_parse_error(source: Source, index: int, format: Format, lenient: bool) -> None:
    """Parses the source alone again for its diagnostics and raises them,
    naming the source."""
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) and not (
        isinstance(source, str) and _looks_like_content(source)) else f"bytes of input {index}"
    try:
        with _parsed(source, format, lenient):
            pass
    except ParseError as error:
        raise ParseError(error.status, f"{name}: {error}".split("\n")[0], error.diagnostics) from None
    raise Form4Error(_c.E_INTERNAL, f"form4.tables: {name} failed in the batch but parses alone")


# Defined after the rest: they use _input_array, _options and _raise_parse_error.
from .database import to_sqlite  # noqa: E402
from .frames import frames  # noqa: E402

# Insider activity (form4.activity, form4.aggregate, form4.clusters): after
# the helpers above, which the module uses.
from ._activity import activity, aggregate, clusters  # noqa: E402

__all__ += ["activity", "aggregate", "clusters"]
