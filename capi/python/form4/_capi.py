"""The ctypes binding of libform4_c: finding and loading the library, and one
table of every C function with its argument and result types.

Nothing here is public. Handles are typed opaque pointers (a pointer to a
form4_result is not interchangeable with a pointer to a form4_document), and
every call that returns a status goes through ``check``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
from pathlib import Path

# The C library this package speaks to: ABI major (in the SONAME) and the
# oldest release whose functions the table below uses.
ABI_VERSION = 1
MIN_VERSION = (0, 1, 0)

# ---------------------------------------------------------------------------
# Status codes, enumerations and field numbers of form4.h (fixed forever).

OK = 0
E_INVALID_ARGUMENT = -1
E_OUT_OF_RANGE = -2
E_ABSENT = -3
E_PARSE = -4
E_IO = -5
E_NO_MEMORY = -6
E_VERSION = -7
E_NO_DOCUMENT = -8
E_NOT_APPLICABLE = -9
E_WRONG_TYPE = -10
E_INTERNAL = -11

PARSE_OPTIONS_VERSION = 2
DATASET_OPTIONS_VERSION = 1
JSON_PRETTY = 1
PICKLE_SHARED_IN_MEMO = 1

TABLE_NON_DERIVATIVE_TRANSACTION = 1
TABLE_NON_DERIVATIVE_HOLDING = 2
TABLE_DERIVATIVE_TRANSACTION = 3
TABLE_DERIVATIVE_HOLDING = 4

KIND_NONE, KIND_TEXT, KIND_DECIMAL, KIND_DATE, KIND_CODE, KIND_BOOL = range(6)

FIELD_SECURITY_TITLE = 1
FIELD_CONVERSION_OR_EXERCISE_PRICE = 2
FIELD_TRANSACTION_DATE = 3
FIELD_DEEMED_EXECUTION_DATE = 4
FIELD_CODING = 5
FIELD_FORM_TYPE = 6
FIELD_TRANSACTION_CODE = 7
FIELD_EQUITY_SWAP_INVOLVED = 8
FIELD_TIMELINESS = 9
FIELD_SHARES = 10
FIELD_PRICE_PER_SHARE = 11
FIELD_TOTAL_VALUE = 12
FIELD_ACQUIRED_DISPOSED = 13
FIELD_EXERCISE_DATE = 14
FIELD_EXPIRATION_DATE = 15
FIELD_UNDERLYING_TITLE = 16
FIELD_UNDERLYING_SHARES = 17
FIELD_UNDERLYING_VALUE = 18
FIELD_SHARES_OWNED_FOLLOWING = 19
FIELD_VALUE_OWNED_FOLLOWING = 20
FIELD_DIRECT_OR_INDIRECT = 21
FIELD_NATURE_OF_OWNERSHIP = 22

DATASET_TABLE_COUNT = 8
COLUMNS_OPTIONS_VERSION = 1

# ---------------------------------------------------------------------------
# Types. Opaque handles are distinct structures, so ctypes refuses to pass
# one kind where another is expected.


class _Opaque(ctypes.Structure):
    _fields_: list = []


class Result(_Opaque):
    """struct form4_result (caller-owned)"""


class Document(_Opaque):
    """struct form4_document (borrowed from a result)"""


class Diagnostic(_Opaque):
    """struct form4_diagnostic (borrowed)"""


class ReportingOwner(_Opaque):
    """struct form4_reporting_owner (borrowed)"""


class Row(_Opaque):
    """struct form4_row (borrowed)"""


class Footnote(_Opaque):
    """struct form4_footnote (borrowed)"""


class Signature(_Opaque):
    """struct form4_signature (borrowed)"""


class Dataset(_Opaque):
    """struct form4_dataset (caller-owned)"""


class LintReport(_Opaque):
    """struct form4_lint_report (caller-owned)"""


class LintFinding(_Opaque):
    """struct form4_lint_finding (borrowed from a report)"""


class Columns(_Opaque):
    """struct form4_columns (caller-owned)"""


ResultP = ctypes.POINTER(Result)
DocumentP = ctypes.POINTER(Document)
DiagnosticP = ctypes.POINTER(Diagnostic)
ReportingOwnerP = ctypes.POINTER(ReportingOwner)
RowP = ctypes.POINTER(Row)
FootnoteP = ctypes.POINTER(Footnote)
SignatureP = ctypes.POINTER(Signature)
DatasetP = ctypes.POINTER(Dataset)
LintReportP = ctypes.POINTER(LintReport)
LintFindingP = ctypes.POINTER(LintFinding)
ColumnsP = ctypes.POINTER(Columns)


class DecimalValue(ctypes.Structure):
    """form4_decimal"""

    _fields_ = [
        ("mantissa", ctypes.c_int64),
        ("scale", ctypes.c_int32),
        ("text_length", ctypes.c_uint32),
        ("text", ctypes.c_char * 40),
    ]


class DateValue(ctypes.Structure):
    """form4_date"""

    _fields_ = [
        ("year", ctypes.c_int32),
        ("month", ctypes.c_int32),
        ("day", ctypes.c_int32),
        ("iso", ctypes.c_char * 12),
    ]


class DateTimeValue(ctypes.Structure):
    """form4_datetime"""

    _fields_ = [
        ("date", DateValue),
        ("hour", ctypes.c_int32),
        ("minute", ctypes.c_int32),
        ("second", ctypes.c_int32),
        ("iso", ctypes.c_char * 20),
    ]


class ParseOptions(ctypes.Structure):
    """form4_parse_options, version 2"""

    _fields_ = [
        ("version", ctypes.c_uint),
        ("format", ctypes.c_int32),
        ("lenient", ctypes.c_int32),
        ("max_input_bytes", ctypes.c_uint64),
        ("max_depth", ctypes.c_uint64),
        ("max_elements", ctypes.c_uint64),
        ("max_string_bytes", ctypes.c_uint64),
        ("max_rows", ctypes.c_uint64),
        ("max_footnotes", ctypes.c_uint64),
        ("record_positions", ctypes.c_int32),
    ]


class DatasetOptions(ctypes.Structure):
    """form4_dataset_options, version 1"""

    _fields_ = [
        ("version", ctypes.c_uint),
        ("sec_round", ctypes.c_int32),
        ("accession_fallback", ctypes.c_char_p),
        ("accession_fallback_len", ctypes.c_size_t),
    ]


class Input(ctypes.Structure):
    """form4_input: one input of form4_dataset_from_inputs"""

    _fields_ = [
        ("data", ctypes.c_char_p),
        ("len", ctypes.c_size_t),
        ("path", ctypes.c_char_p),
        ("accession_fallback", ctypes.c_char_p),
        ("accession_fallback_len", ctypes.c_size_t),
    ]


class ColumnsOptions(ctypes.Structure):
    """form4_columns_options, version 1"""

    _fields_ = [("version", ctypes.c_uint), ("sec_round", ctypes.c_int32), ("exact_numbers", ctypes.c_int32)]


class SqliteSummary(ctypes.Structure):
    """form4_sqlite_summary"""

    _fields_ = [
        ("documents_read", ctypes.c_size_t),
        ("documents_failed", ctypes.c_size_t),
        ("documents_skipped", ctypes.c_size_t),
        ("filings_written", ctypes.c_size_t),
        ("filings_refused", ctypes.c_size_t),
    ]


# The Arrow C data interface's two structures, as its specification defines them.
class ArrowSchema(ctypes.Structure):
    pass


ArrowSchema._fields_ = [
    ("format", ctypes.c_char_p),
    ("name", ctypes.c_char_p),
    ("metadata", ctypes.c_char_p),
    ("flags", ctypes.c_int64),
    ("n_children", ctypes.c_int64),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowSchema))),
    ("dictionary", ctypes.POINTER(ArrowSchema)),
    ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowSchema))),
    ("private_data", ctypes.c_void_p),
]


class ArrowArray(ctypes.Structure):
    pass


ArrowArray._fields_ = [
    ("length", ctypes.c_int64),
    ("null_count", ctypes.c_int64),
    ("offset", ctypes.c_int64),
    ("n_buffers", ctypes.c_int64),
    ("n_children", ctypes.c_int64),
    ("buffers", ctypes.POINTER(ctypes.c_void_p)),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowArray))),
    ("dictionary", ctypes.POINTER(ArrowArray)),
    ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowArray))),
    ("private_data", ctypes.c_void_p),
]


# ---------------------------------------------------------------------------
# Every C function: (name, result type, argument types).

_int = ctypes.c_int
_i32 = ctypes.c_int32
_u32 = ctypes.c_uint32
_size = ctypes.c_size_t
_size_p = ctypes.POINTER(ctypes.c_size_t)
_i32_p = ctypes.POINTER(ctypes.c_int32)
_int_p = ctypes.POINTER(ctypes.c_int)
_str_p = ctypes.POINTER(ctypes.c_char_p)  # const char** out
_char_pp = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))  # char** out (owned, freed by form4_string_free)
_dec_p = ctypes.POINTER(DecimalValue)
_date_p = ctypes.POINTER(DateValue)
_datetime_p = ctypes.POINTER(DateTimeValue)


def _text_getter(handle):
    return (_int, [_str_p, _size_p, handle])


FUNCTIONS = [
    # versions, statuses, last error
    ("form4_version_major", _int, []),
    ("form4_version_minor", _int, []),
    ("form4_version_patch", _int, []),
    ("form4_version_number", _int, []),
    ("form4_version_string", ctypes.c_char_p, []),
    ("form4_abi_version", _int, []),
    ("form4_status_name", ctypes.c_char_p, [_int]),
    ("form4_last_error_message", ctypes.c_char_p, []),
    ("form4_last_error_status", _int, []),
    # parsing
    ("form4_parse_options_init", _int, [ctypes.POINTER(ParseOptions), ctypes.c_uint]),
    ("form4_parse", _int, [ctypes.POINTER(ResultP), ctypes.c_char_p, _size, ctypes.POINTER(ParseOptions)]),
    ("form4_parse_file", _int, [ctypes.POINTER(ResultP), ctypes.c_char_p, ctypes.POINTER(ParseOptions)]),
    ("form4_result_free", None, [ResultP]),
    ("form4_result_document", _int, [ctypes.POINTER(DocumentP), ResultP]),
    ("form4_result_format", _int, [_i32_p, ResultP]),
    ("form4_result_diagnostic_count", _int, [_size_p, ResultP]),
    ("form4_result_diagnostic", _int, [ctypes.POINTER(DiagnosticP), ResultP, _size]),
    ("form4_diagnostic_severity", _int, [_i32_p, DiagnosticP]),
    ("form4_diagnostic_code", *_text_getter(DiagnosticP)),
    ("form4_diagnostic_message", *_text_getter(DiagnosticP)),
    ("form4_diagnostic_line", _int, [_size_p, DiagnosticP]),
    ("form4_diagnostic_column", _int, [_size_p, DiagnosticP]),
    # the document
    ("form4_document_schema_version", *_text_getter(DocumentP)),
    ("form4_document_type", _int, [_i32_p, _str_p, _size_p, DocumentP]),
    ("form4_document_period_of_report", _int, [_date_p, DocumentP]),
    ("form4_document_date_of_original_submission", _int, [_date_p, DocumentP]),
    ("form4_document_no_securities_owned", _int, [_int_p, DocumentP]),
    ("form4_document_not_subject_to_section16", _int, [_int_p, DocumentP]),
    ("form4_document_form3_holdings_reported", _int, [_int_p, DocumentP]),
    ("form4_document_form4_transactions_reported", _int, [_int_p, DocumentP]),
    ("form4_document_aff10b5_one", _int, [_int_p, DocumentP]),
    ("form4_document_issuer_cik", *_text_getter(DocumentP)),
    ("form4_document_issuer_name", *_text_getter(DocumentP)),
    ("form4_document_issuer_trading_symbol", *_text_getter(DocumentP)),
    ("form4_document_issuer_foreign_trading_symbol", *_text_getter(DocumentP)),
    ("form4_document_remarks", *_text_getter(DocumentP)),
    ("form4_document_accession_number", *_text_getter(DocumentP)),
    ("form4_document_filing_date", _int, [_date_p, DocumentP]),
    ("form4_document_acceptance_datetime", _int, [_datetime_p, DocumentP]),
    ("form4_document_submission_type", *_text_getter(DocumentP)),
    ("form4_document_file_number_count", _int, [_size_p, DocumentP]),
    ("form4_document_file_number", _int, [_str_p, _size_p, DocumentP, _size]),
    ("form4_document_reporting_owner_count", _int, [_size_p, DocumentP]),
    ("form4_document_reporting_owner", _int, [ctypes.POINTER(ReportingOwnerP), DocumentP, _size]),
    ("form4_document_footnote_count", _int, [_size_p, DocumentP]),
    ("form4_document_footnote", _int, [ctypes.POINTER(FootnoteP), DocumentP, _size]),
    ("form4_document_signature_count", _int, [_size_p, DocumentP]),
    ("form4_document_signature", _int, [ctypes.POINTER(SignatureP), DocumentP, _size]),
    # reporting owners
    ("form4_reporting_owner_cik", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_ccc", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_name", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_street1", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_street2", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_city", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_state", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_zip_code", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_state_description", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_non_us_state_territory", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_country", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_non_us_address", _int, [_int_p, ReportingOwnerP]),
    ("form4_reporting_owner_good_address", _int, [_int_p, ReportingOwnerP]),
    ("form4_reporting_owner_is_director", _int, [_int_p, ReportingOwnerP]),
    ("form4_reporting_owner_is_officer", _int, [_int_p, ReportingOwnerP]),
    ("form4_reporting_owner_is_ten_percent_owner", _int, [_int_p, ReportingOwnerP]),
    ("form4_reporting_owner_is_other", _int, [_int_p, ReportingOwnerP]),
    ("form4_reporting_owner_officer_title", *_text_getter(ReportingOwnerP)),
    ("form4_reporting_owner_other_text", *_text_getter(ReportingOwnerP)),
    # footnotes and signatures
    ("form4_footnote_id", *_text_getter(FootnoteP)),
    ("form4_footnote_text", *_text_getter(FootnoteP)),
    ("form4_signature_name", *_text_getter(SignatureP)),
    ("form4_signature_date", _int, [_date_p, SignatureP]),
    # table rows
    ("form4_field_kind", _int, [_i32_p, _i32]),
    ("form4_field_name", _int, [_str_p, _size_p, _i32]),
    ("form4_table_has_field", _int, [_int_p, _i32, _i32]),
    ("form4_document_row_count", _int, [_size_p, DocumentP, _i32]),
    ("form4_document_row", _int, [ctypes.POINTER(RowP), DocumentP, _i32, _size]),
    ("form4_row_table", _int, [_i32_p, RowP]),
    ("form4_row_text", _int, [_str_p, _size_p, RowP, _i32]),
    ("form4_row_decimal", _int, [_dec_p, RowP, _i32]),
    ("form4_row_date", _int, [_date_p, RowP, _i32]),
    ("form4_row_code", _int, [_i32_p, _str_p, _size_p, RowP, _i32]),
    ("form4_row_bool", _int, [_int_p, RowP, _i32]),
    ("form4_row_footnote_count", _int, [_size_p, RowP, _i32]),
    ("form4_row_footnote_id", _int, [_str_p, _size_p, RowP, _i32, _size]),
    # whole-document outputs
    ("form4_document_to_json", _int, [_char_pp, _size_p, DocumentP, _u32]),
    ("form4_string_free", None, [ctypes.POINTER(ctypes.c_char)]),
    ("form4_dataset_options_init", _int, [ctypes.POINTER(DatasetOptions), ctypes.c_uint]),
    ("form4_document_to_dataset", _int, [ctypes.POINTER(DatasetP), DocumentP, ctypes.POINTER(DatasetOptions)]),
    ("form4_dataset_free", None, [DatasetP]),
    ("form4_dataset_table_name", _int, [_str_p, _size_p, _i32]),
    ("form4_dataset_column_count", _int, [_size_p, _i32]),
    ("form4_dataset_column_name", _int, [_str_p, _size_p, _i32, _size]),
    ("form4_dataset_row_count", _int, [_size_p, DatasetP, _i32]),
    ("form4_dataset_cell", _int, [_str_p, _size_p, DatasetP, _i32, _size, _size]),
    ("form4_dataset_tsv", _int, [_str_p, _size_p, DatasetP, _i32]),
    ("form4_dataset_to_json", _int, [_char_pp, _size_p, DatasetP]),
    # many documents at once
    ("form4_dataset_from_inputs", _int, [ctypes.POINTER(DatasetP), _size_p, _i32_p, ctypes.POINTER(Input), _size,
                                         ctypes.POINTER(ParseOptions), ctypes.POINTER(DatasetOptions), _u32]),
    # lint
    ("form4_lint", _int, [ctypes.POINTER(LintReportP), DocumentP]),
    ("form4_lint_report_free", None, [LintReportP]),
    ("form4_lint_report_finding_count", _int, [_size_p, LintReportP]),
    ("form4_lint_report_finding", _int, [ctypes.POINTER(LintFindingP), LintReportP, _size]),
    ("form4_lint_finding_severity", _int, [_i32_p, LintFindingP]),
    ("form4_lint_finding_code", *_text_getter(LintFindingP)),
    ("form4_lint_finding_field", *_text_getter(LintFindingP)),
    ("form4_lint_finding_message", *_text_getter(LintFindingP)),
    ("form4_lint_finding_reference", *_text_getter(LintFindingP)),
    ("form4_lint_finding_line", _int, [_size_p, LintFindingP]),
    ("form4_lint_finding_column", _int, [_size_p, LintFindingP]),
    # for this package: results as pickle streams (_pickled.py)
    ("form4_pickle_shared_objects", _int, [_char_pp, _size_p]),
    ("form4_result_to_pickle", _int, [_char_pp, _size_p, ResultP, _u32]),
    ("form4_dataset_to_pickle", _int, [_char_pp, _size_p, DatasetP]),
    # columns in the Arrow C data interface (frames.py)
    ("form4_columns_options_init", _int, [ctypes.POINTER(ColumnsOptions), ctypes.c_uint]),
    ("form4_dataset_columns_from_inputs", _int, [ctypes.POINTER(ColumnsP), _size_p, _i32_p, ctypes.POINTER(Input),
                                                 _size, ctypes.POINTER(ParseOptions), ctypes.POINTER(ColumnsOptions),
                                                 _u32]),
    ("form4_columns_free", None, [ColumnsP]),
    ("form4_columns_table_count", _int, [_size_p, ColumnsP]),
    ("form4_columns_table_name", _int, [_str_p, _size_p, ColumnsP, _size]),
    ("form4_columns_row_count", _int, [_size_p, ColumnsP, _size]),
    ("form4_columns_export", _int, [ctypes.POINTER(ArrowSchema), ctypes.POINTER(ArrowArray), ColumnsP, _size]),
    # SQLite (database.py)
    ("form4_sqlite_write", _int, [ctypes.POINTER(SqliteSummary), ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p),
                                  _size, ctypes.POINTER(ParseOptions), _i32, _u32]),
]

# ---------------------------------------------------------------------------
# Finding the library.

_SONAME = f"libform4_c.so.{ABI_VERSION}"


def _candidates():
    """Where to look, first match wins: $FORM4_LIBRARY, beside the package,
    a build tree of the source checkout, an installed prefix, the system."""
    explicit = os.environ.get("FORM4_LIBRARY")
    if explicit:
        yield Path(explicit)
        return
    package = Path(__file__).resolve().parent
    for folder in (package, package.parent):
        yield folder / _SONAME
    # capi/python/form4 in a source checkout: <root>/build*/capi/
    root = package.parent.parent.parent
    for build in sorted(glob.glob(str(root / "build*" / "capi" / _SONAME))):
        yield Path(build)
    # <prefix>/share/form4/python/form4 when installed: <prefix>/lib*/
    prefix = package.parent.parent.parent.parent
    for lib in sorted(glob.glob(str(prefix / "lib*" / "**" / _SONAME), recursive=True)):
        yield Path(lib)
    found = ctypes.util.find_library("form4_c")
    if found:
        yield Path(found)


def _load():
    tried = []
    for path in _candidates():
        if path.is_absolute() and not path.exists():
            tried.append(f"{path} (not there)")
            continue
        try:
            return ctypes.CDLL(str(path)), path
        except OSError as error:
            tried.append(f"{path} ({error})")
    raise ImportError(
        "form4: cannot find the C library " + _SONAME + "; set FORM4_LIBRARY to its path. Tried:\n  "
        + "\n  ".join(tried or ["nothing"])
    )


def _bind(library):
    for name, restype, argtypes in FUNCTIONS:
        try:
            function = getattr(library, name)
        except AttributeError as error:
            raise ImportError(f"form4: the C library lacks {name}: it is older than this package") from error
        function.restype = restype
        function.argtypes = argtypes


lib, path = _load()
_bind(lib)


def _check_version():
    abi = lib.form4_abi_version()
    version = (lib.form4_version_major(), lib.form4_version_minor(), lib.form4_version_patch())
    if abi != ABI_VERSION:
        raise ImportError(f"form4: {path} has ABI {abi}; this package speaks ABI {ABI_VERSION}")
    if version < MIN_VERSION:
        raise ImportError(
            "form4: %s is version %d.%d.%d; this package needs %d.%d.%d or newer" % ((path,) + version + MIN_VERSION)
        )
    return version


version = _check_version()

# ---------------------------------------------------------------------------
# Calling.


class Form4Error(Exception):
    """A call into libform4_c failed: ``status`` is the FORM4_E_* code."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.status_name = lib.form4_status_name(status).decode()


def last_error(status: int) -> Form4Error:
    message = lib.form4_last_error_message().decode("utf-8", "replace")
    return Form4Error(status, message or lib.form4_status_name(status).decode())


def check(status: int) -> int:
    if status != OK:
        raise last_error(status)
    return status


def text(pointer: ctypes.c_char_p, length: ctypes.c_size_t) -> str:
    """A (pointer, length) output as str; the bytes are copied. The library
    promises UTF-8; should a filing smuggle in something else, one field
    shows U+FFFD rather than the whole filing becoming unreadable."""
    return ctypes.string_at(pointer, length.value).decode("utf-8", "replace")

