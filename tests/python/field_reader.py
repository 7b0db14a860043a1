"""An independent reader for the tests: the Document read field by field
through the C getters (form4_document_*, form4_reporting_owner_*,
form4_row_*), the way the package read it before it switched to one
form4_document_to_json call. form4.parse must give an equal Document.

It is slow (hundreds of ctypes calls per filing) and that is fine here.
"""

from __future__ import annotations

import ctypes
import datetime
import decimal
import os
from typing import Iterator, Optional

from form4 import _capi as _c
from form4.model import (
    AcquiredDisposed,
    Address,
    Coded,
    DerivativeHolding,
    DerivativeTransaction,
    Document,
    DocumentType,
    FilingMetadata,
    Footnote,
    Footnoted,
    FormType,
    HoldingCoding,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    OwnershipForm,
    OwnershipNature,
    PostTransactionAmounts,
    Relationship,
    ReportingOwner,
    ReportingOwnerId,
    Signature,
    Timeliness,
    TransactionCode,
    TransactionCoding,
    UnderlyingSecurity,
)


def read_file(path: os.PathLike, lenient: bool = False) -> Optional[Document]:
    """The document of a file read field by field; None when it does not parse.
    The diagnostics and format are left at their defaults (not compared)."""
    options = _c.ParseOptions()
    _c.check(_c.lib.form4_parse_options_init(ctypes.byref(options), _c.PARSE_OPTIONS_VERSION))
    options.lenient = 1 if lenient else 0
    result = _c.ResultP()
    status = _c.lib.form4_parse_file(ctypes.byref(result), os.fsencode(path), ctypes.byref(options))
    try:
        if status != _c.OK:
            return None
        doc = _c.DocumentP()
        _c.check(_c.lib.form4_result_document(ctypes.byref(doc), result))
        return _read_document(doc)
    finally:
        _c.lib.form4_result_free(result)


# Getters by kind of output. Each copies the value out at once.


def _text(getter, handle, *extra) -> str:
    pointer = ctypes.c_char_p()
    length = ctypes.c_size_t()
    _c.check(getter(ctypes.byref(pointer), ctypes.byref(length), handle, *extra))
    return _c.text(pointer, length)


def _absent_or_raise(status: int) -> bool:
    """True when the status says absent; raises on any other failure."""
    if status == _c.E_ABSENT:
        return True
    _c.check(status)
    return False


def _flag(getter, handle) -> Optional[bool]:
    value = ctypes.c_int()
    return None if _absent_or_raise(getter(ctypes.byref(value), handle)) else bool(value.value)


def _to_date(value: _c.DateValue) -> datetime.date:
    return datetime.date(value.year, value.month, value.day)


def _date_time(getter, handle) -> Optional[datetime.datetime]:
    value = _c.DateTimeValue()
    if _absent_or_raise(getter(ctypes.byref(value), handle)):
        return None
    moment = datetime.datetime.combine(_to_date(value.date), datetime.time(value.hour, value.minute, value.second))
    assert value.iso.decode("ascii") == moment.isoformat()
    return moment


def _date(getter, handle) -> Optional[datetime.date]:
    value = _c.DateValue()
    return None if _absent_or_raise(getter(ctypes.byref(value), handle)) else _to_date(value)


def _to_decimal(value: _c.DecimalValue) -> decimal.Decimal:
    # The exact text keeps the scale as filed: Decimal("26.80") != "26.8" as text.
    return decimal.Decimal(value.text[: value.text_length].decode("ascii"))


def _count(getter, handle, *extra) -> int:
    count = ctypes.c_size_t()
    _c.check(getter(ctypes.byref(count), handle, *extra))
    return count.value


def _items(count_getter, item_getter, handle_type, parent) -> Iterator:
    for index in range(_count(count_getter, parent)):
        item = handle_type()
        _c.check(item_getter(ctypes.byref(item), parent, index))
        yield item


# --- table rows --------------------------------------------------------------


def _row_footnotes(row, field: int) -> tuple:
    count = _count(_c.lib.form4_row_footnote_count, row, field)
    return tuple(_text(_c.lib.form4_row_footnote_id, row, field, index) for index in range(count))


def _row_value(row, field: int, kind: int, enum_type=None):
    """The field's value, or None when absent."""
    if kind == _c.KIND_TEXT:
        pointer, length = ctypes.c_char_p(), ctypes.c_size_t()
        status = _c.lib.form4_row_text(ctypes.byref(pointer), ctypes.byref(length), row, field)
        return None if _absent_or_raise(status) else _c.text(pointer, length)
    if kind == _c.KIND_DECIMAL:
        number = _c.DecimalValue()
        return None if _absent_or_raise(_c.lib.form4_row_decimal(ctypes.byref(number), row, field)) else _to_decimal(number)
    if kind == _c.KIND_DATE:
        value = _c.DateValue()
        return None if _absent_or_raise(_c.lib.form4_row_date(ctypes.byref(value), row, field)) else _to_date(value)
    if kind == _c.KIND_CODE:
        code, pointer, length = ctypes.c_int32(), ctypes.c_char_p(), ctypes.c_size_t()
        status = _c.lib.form4_row_code(ctypes.byref(code), ctypes.byref(pointer), ctypes.byref(length), row, field)
        if _absent_or_raise(status):
            return None
        try:
            member = enum_type(code.value)
        except ValueError:  # a value appended to the C enum after this package
            member = enum_type(0)
        return Coded(member, _c.text(pointer, length))
    if kind == _c.KIND_BOOL:
        flag = ctypes.c_int()
        return None if _absent_or_raise(_c.lib.form4_row_bool(ctypes.byref(flag), row, field)) else bool(flag.value)
    raise ValueError(f"form4: field {field} has no value")


def _footnoted(row, field: int, kind: int, enum_type=None) -> Footnoted:
    return Footnoted(_row_value(row, field, kind, enum_type), _row_footnotes(row, field))


def _coding(row, with_transaction_code: bool):
    form_type = _row_value(row, _c.FIELD_FORM_TYPE, _c.KIND_CODE, FormType)
    if form_type is None:  # the coding is absent as a whole
        return None
    footnotes = _row_footnotes(row, _c.FIELD_CODING)
    if not with_transaction_code:
        return HoldingCoding(form_type, footnotes)
    return TransactionCoding(
        form_type=form_type,
        code=_row_value(row, _c.FIELD_TRANSACTION_CODE, _c.KIND_CODE, TransactionCode),
        equity_swap_involved=_row_value(row, _c.FIELD_EQUITY_SWAP_INVOLVED, _c.KIND_BOOL),
        footnotes=footnotes,
    )


def _post_and_ownership(row) -> dict:
    return dict(
        post_transaction=PostTransactionAmounts(
            shares_owned=_footnoted(row, _c.FIELD_SHARES_OWNED_FOLLOWING, _c.KIND_DECIMAL),
            value_owned=_footnoted(row, _c.FIELD_VALUE_OWNED_FOLLOWING, _c.KIND_DECIMAL),
        ),
        ownership=OwnershipNature(
            direct_or_indirect=_footnoted(row, _c.FIELD_DIRECT_OR_INDIRECT, _c.KIND_CODE, OwnershipForm),
            nature=_footnoted(row, _c.FIELD_NATURE_OF_OWNERSHIP, _c.KIND_TEXT),
        ),
    )


def _transaction_parts(row) -> dict:
    return dict(
        transaction_date=_footnoted(row, _c.FIELD_TRANSACTION_DATE, _c.KIND_DATE),
        deemed_execution_date=_footnoted(row, _c.FIELD_DEEMED_EXECUTION_DATE, _c.KIND_DATE),
        coding=_coding(row, True),
        timeliness=_footnoted(row, _c.FIELD_TIMELINESS, _c.KIND_CODE, Timeliness),
        shares=_footnoted(row, _c.FIELD_SHARES, _c.KIND_DECIMAL),
        price_per_share=_footnoted(row, _c.FIELD_PRICE_PER_SHARE, _c.KIND_DECIMAL),
        acquired_disposed=_footnoted(row, _c.FIELD_ACQUIRED_DISPOSED, _c.KIND_CODE, AcquiredDisposed),
    )


def _derivative_parts(row) -> dict:
    return dict(
        conversion_or_exercise_price=_footnoted(row, _c.FIELD_CONVERSION_OR_EXERCISE_PRICE, _c.KIND_DECIMAL),
        exercise_date=_footnoted(row, _c.FIELD_EXERCISE_DATE, _c.KIND_DATE),
        expiration_date=_footnoted(row, _c.FIELD_EXPIRATION_DATE, _c.KIND_DATE),
        underlying=UnderlyingSecurity(
            title=_footnoted(row, _c.FIELD_UNDERLYING_TITLE, _c.KIND_TEXT),
            shares=_footnoted(row, _c.FIELD_UNDERLYING_SHARES, _c.KIND_DECIMAL),
            value=_footnoted(row, _c.FIELD_UNDERLYING_VALUE, _c.KIND_DECIMAL),
        ),
    )


def _read_row(row, table: int):
    title = _footnoted(row, _c.FIELD_SECURITY_TITLE, _c.KIND_TEXT)
    if table == _c.TABLE_NON_DERIVATIVE_TRANSACTION:
        return NonDerivativeTransaction(security_title=title, **_transaction_parts(row), **_post_and_ownership(row))
    if table == _c.TABLE_NON_DERIVATIVE_HOLDING:
        return NonDerivativeHolding(security_title=title, coding=_coding(row, False), **_post_and_ownership(row))
    if table == _c.TABLE_DERIVATIVE_TRANSACTION:
        return DerivativeTransaction(
            security_title=title, **_transaction_parts(row), total_value=_footnoted(row, _c.FIELD_TOTAL_VALUE, _c.KIND_DECIMAL),
            **_derivative_parts(row), **_post_and_ownership(row)
        )
    return DerivativeHolding(
        security_title=title, coding=_coding(row, False), **_derivative_parts(row), **_post_and_ownership(row)
    )


def _rows(doc, table: int) -> tuple:
    rows = []
    for index in range(_count(_c.lib.form4_document_row_count, doc, table)):
        row = _c.RowP()
        _c.check(_c.lib.form4_document_row(ctypes.byref(row), doc, table, index))
        rows.append(_read_row(row, table))
    return tuple(rows)


# --- the document ------------------------------------------------------------


def _owner(handle) -> ReportingOwner:
    lib = _c.lib
    return ReportingOwner(
        id=ReportingOwnerId(
            cik=_text(lib.form4_reporting_owner_cik, handle),
            ccc=_text(lib.form4_reporting_owner_ccc, handle),
            name=_text(lib.form4_reporting_owner_name, handle),
        ),
        address=Address(
            street1=_text(lib.form4_reporting_owner_street1, handle),
            street2=_text(lib.form4_reporting_owner_street2, handle),
            city=_text(lib.form4_reporting_owner_city, handle),
            state=_text(lib.form4_reporting_owner_state, handle),
            zip_code=_text(lib.form4_reporting_owner_zip_code, handle),
            state_description=_text(lib.form4_reporting_owner_state_description, handle),
            non_us_state_territory=_text(lib.form4_reporting_owner_non_us_state_territory, handle),
            country=_text(lib.form4_reporting_owner_country, handle),
            non_us_address=_flag(lib.form4_reporting_owner_non_us_address, handle),
            good_address=_flag(lib.form4_reporting_owner_good_address, handle),
        ),
        relationship=Relationship(
            is_director=_flag(lib.form4_reporting_owner_is_director, handle),
            is_officer=_flag(lib.form4_reporting_owner_is_officer, handle),
            is_ten_percent_owner=_flag(lib.form4_reporting_owner_is_ten_percent_owner, handle),
            is_other=_flag(lib.form4_reporting_owner_is_other, handle),
            officer_title=_text(lib.form4_reporting_owner_officer_title, handle),
            other_text=_text(lib.form4_reporting_owner_other_text, handle),
        ),
    )


def _document_type(doc) -> Coded:
    value, pointer, length = ctypes.c_int32(), ctypes.c_char_p(), ctypes.c_size_t()
    _c.check(_c.lib.form4_document_type(ctypes.byref(value), ctypes.byref(pointer), ctypes.byref(length), doc))
    try:
        member = DocumentType(value.value)
    except ValueError:
        member = DocumentType.UNKNOWN
    return Coded(member, _c.text(pointer, length))


def _read_document(doc) -> Document:
    lib = _c.lib
    file_numbers = tuple(
        _text(lib.form4_document_file_number, doc, index)
        for index in range(_count(lib.form4_document_file_number_count, doc))
    )
    return Document(
        schema_version=_text(lib.form4_document_schema_version, doc),
        type=_document_type(doc),
        period_of_report=_date(lib.form4_document_period_of_report, doc),
        date_of_original_submission=_date(lib.form4_document_date_of_original_submission, doc),
        no_securities_owned=_flag(lib.form4_document_no_securities_owned, doc),
        not_subject_to_section16=_flag(lib.form4_document_not_subject_to_section16, doc),
        form3_holdings_reported=_flag(lib.form4_document_form3_holdings_reported, doc),
        form4_transactions_reported=_flag(lib.form4_document_form4_transactions_reported, doc),
        aff10b5_one=_flag(lib.form4_document_aff10b5_one, doc),
        issuer=Issuer(
            cik=_text(lib.form4_document_issuer_cik, doc),
            name=_text(lib.form4_document_issuer_name, doc),
            trading_symbol=_text(lib.form4_document_issuer_trading_symbol, doc),
            foreign_trading_symbol=_text(lib.form4_document_issuer_foreign_trading_symbol, doc),
        ),
        reporting_owners=tuple(
            _owner(h)
            for h in _items(lib.form4_document_reporting_owner_count, lib.form4_document_reporting_owner, _c.ReportingOwnerP, doc)
        ),
        non_derivative_transactions=_rows(doc, _c.TABLE_NON_DERIVATIVE_TRANSACTION),
        non_derivative_holdings=_rows(doc, _c.TABLE_NON_DERIVATIVE_HOLDING),
        derivative_transactions=_rows(doc, _c.TABLE_DERIVATIVE_TRANSACTION),
        derivative_holdings=_rows(doc, _c.TABLE_DERIVATIVE_HOLDING),
        footnotes=tuple(
            Footnote(_text(lib.form4_footnote_id, h), _text(lib.form4_footnote_text, h))
            for h in _items(lib.form4_document_footnote_count, lib.form4_document_footnote, _c.FootnoteP, doc)
        ),
        remarks=_text(lib.form4_document_remarks, doc),
        signatures=tuple(
            Signature(_text(lib.form4_signature_name, h), _date(lib.form4_signature_date, h))
            for h in _items(lib.form4_document_signature_count, lib.form4_document_signature, _c.SignatureP, doc)
        ),
        filing=FilingMetadata(
            accession_number=_text(lib.form4_document_accession_number, doc),
            filing_date=_date(lib.form4_document_filing_date, doc),
            acceptance_datetime=_date_time(lib.form4_document_acceptance_datetime, doc),
            submission_type=_text(lib.form4_document_submission_type, doc),
            file_numbers=file_numbers,
        ),
    )
