"""Internal: the model's frozen dataclasses from the JSON that
form4_document_to_json writes (docs/json-schema.md), already decoded by
json.loads into dicts and lists.

One C call and json.loads (both in C) replace the hundreds of ctypes calls
that reading the document field by field takes. The JSON leaves out what is
empty or absent, so every member is read with .get().
"""

from __future__ import annotations

import datetime
import decimal
import functools

from .model import (
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

_new_instance = object.__new__
_set_attribute = object.__setattr__


def _make(cls, fields: dict):
    """An instance of the frozen dataclass ``cls`` holding ``fields`` (all of
    them). A frozen dataclass's __init__ sets each field through
    object.__setattr__; installing the instance dict in one step, as pickle
    does, gives an equal object for a fraction of the cost, which matters
    for the few hundred objects of a document."""
    instance = _new_instance(cls)
    _set_attribute(instance, "__dict__", fields)
    return instance


# The C library's code tables (lib/codes.cpp): the text as filed, compared
# exactly, gives the member; any other text is UNKNOWN with its text kept.
_CODE_MEMBERS = {
    DocumentType: {"3": DocumentType.FORM3, "3/A": DocumentType.FORM3_AMENDMENT, "4": DocumentType.FORM4,
                   "4/A": DocumentType.FORM4_AMENDMENT, "5": DocumentType.FORM5, "5/A": DocumentType.FORM5_AMENDMENT},
    TransactionCode: {member.name: member for member in TransactionCode if member.name != "UNKNOWN"},
    AcquiredDisposed: {"A": AcquiredDisposed.ACQUIRED, "D": AcquiredDisposed.DISPOSED},
    OwnershipForm: {"D": OwnershipForm.DIRECT, "I": OwnershipForm.INDIRECT},
    Timeliness: {"E": Timeliness.EARLY, "L": Timeliness.LATE},
    FormType: {"3": FormType.FORM3, "4": FormType.FORM4, "5": FormType.FORM5},
}


@functools.lru_cache(maxsize=1024)
def _coded_from_text(enum_type, text: str) -> Coded:
    # Codes repeat endlessly ("S", "D", "4"): one shared, immutable object each.
    return _make(Coded, {"value": _CODE_MEMBERS[enum_type].get(text, enum_type(0)), "text": text})


def _coded(value, enum_type) -> Coded:
    """A code as written: its text, or (only for a hand-built document whose
    code does not follow from its text) {"text", "code"}."""
    if value is None:
        return _coded_from_text(enum_type, "")
    if isinstance(value, str):
        return _coded_from_text(enum_type, value)
    members = _CODE_MEMBERS[enum_type]
    return _make(Coded, {"value": members.get(value.get("code", ""), enum_type(0)), "text": value.get("text", "")})


_SPECIAL_DATES = ("not-a-date-time", "+infinity", "-infinity")


@functools.lru_cache(maxsize=4096)
def _date(text: str):
    # The C getters report Boost's special dates as absent: so do we.
    return None if text in _SPECIAL_DATES else datetime.date.fromisoformat(text)


def _optional_date(text):
    return None if text is None else _date(text)


_Decimal = decimal.Decimal
_EMPTY_FOOTNOTED = Footnoted()


def _footnotes(ids) -> tuple:
    return tuple(ids) if ids else ()


def _footnoted(member, convert=None) -> Footnoted:
    """A footnoted value: {"value", "footnotes"}, either left out when empty,
    the whole member left out when both are."""
    if member is None:
        return _EMPTY_FOOTNOTED
    value = member.get("value")
    if value is not None and convert is not None:
        value = convert(value)
    return _make(Footnoted, {"value": value, "footnotes": _footnotes(member.get("footnotes"))})


def _footnoted_code(member, enum_type) -> Footnoted:
    if member is None:
        return _EMPTY_FOOTNOTED
    value = member.get("value")
    if value is not None:
        value = _coded(value, enum_type)
    return _make(Footnoted, {"value": value, "footnotes": _footnotes(member.get("footnotes"))})


def _transaction_coding(member):
    if member is None:
        return None
    return _make(TransactionCoding, {
        "form_type": _coded(member.get("form_type"), FormType),
        "code": _coded(member.get("code"), TransactionCode),
        "equity_swap_involved": member.get("equity_swap_involved"),
        "footnotes": _footnotes(member.get("footnotes")),
    })


def _holding_coding(member):
    if member is None:
        return None
    return _make(HoldingCoding, {
        "form_type": _coded(member.get("form_type"), FormType),
        "footnotes": _footnotes(member.get("footnotes")),
    })


def _post_transaction(member) -> PostTransactionAmounts:
    return _make(PostTransactionAmounts, {
        "shares_owned": _footnoted(member.get("shares_owned"), _Decimal),
        "value_owned": _footnoted(member.get("value_owned"), _Decimal),
    })


def _ownership(member) -> OwnershipNature:
    return _make(OwnershipNature, {
        "direct_or_indirect": _footnoted_code(member.get("direct_or_indirect"), OwnershipForm),
        "nature": _footnoted(member.get("nature")),
    })


def _underlying(member) -> UnderlyingSecurity:
    return _make(UnderlyingSecurity, {
        "title": _footnoted(member.get("title")),
        "shares": _footnoted(member.get("shares"), _Decimal),
        "value": _footnoted(member.get("value"), _Decimal),
    })


def _non_derivative_transaction(row: dict) -> NonDerivativeTransaction:
    get = row.get
    return _make(NonDerivativeTransaction, {
        "security_title": _footnoted(get("security_title")),
        "transaction_date": _footnoted(get("transaction_date"), _date),
        "deemed_execution_date": _footnoted(get("deemed_execution_date"), _date),
        "coding": _transaction_coding(get("coding")),
        "timeliness": _footnoted_code(get("timeliness"), Timeliness),
        "shares": _footnoted(get("shares"), _Decimal),
        "price_per_share": _footnoted(get("price_per_share"), _Decimal),
        "acquired_disposed": _footnoted_code(get("acquired_disposed"), AcquiredDisposed),
        "post_transaction": _post_transaction(get("post_transaction", {})),
        "ownership": _ownership(get("ownership", {})),
    })


def _non_derivative_holding(row: dict) -> NonDerivativeHolding:
    get = row.get
    return _make(NonDerivativeHolding, {
        "security_title": _footnoted(get("security_title")),
        "coding": _holding_coding(get("coding")),
        "post_transaction": _post_transaction(get("post_transaction", {})),
        "ownership": _ownership(get("ownership", {})),
    })


def _derivative_transaction(row: dict) -> DerivativeTransaction:
    get = row.get
    return _make(DerivativeTransaction, {
        "security_title": _footnoted(get("security_title")),
        "conversion_or_exercise_price": _footnoted(get("conversion_or_exercise_price"), _Decimal),
        "transaction_date": _footnoted(get("transaction_date"), _date),
        "deemed_execution_date": _footnoted(get("deemed_execution_date"), _date),
        "coding": _transaction_coding(get("coding")),
        "timeliness": _footnoted_code(get("timeliness"), Timeliness),
        "shares": _footnoted(get("shares"), _Decimal),
        "total_value": _footnoted(get("total_value"), _Decimal),
        "price_per_share": _footnoted(get("price_per_share"), _Decimal),
        "acquired_disposed": _footnoted_code(get("acquired_disposed"), AcquiredDisposed),
        "exercise_date": _footnoted(get("exercise_date"), _date),
        "expiration_date": _footnoted(get("expiration_date"), _date),
        "underlying": _underlying(get("underlying", {})),
        "post_transaction": _post_transaction(get("post_transaction", {})),
        "ownership": _ownership(get("ownership", {})),
    })


def _derivative_holding(row: dict) -> DerivativeHolding:
    get = row.get
    return _make(DerivativeHolding, {
        "security_title": _footnoted(get("security_title")),
        "conversion_or_exercise_price": _footnoted(get("conversion_or_exercise_price"), _Decimal),
        "coding": _holding_coding(get("coding")),
        "exercise_date": _footnoted(get("exercise_date"), _date),
        "expiration_date": _footnoted(get("expiration_date"), _date),
        "underlying": _underlying(get("underlying", {})),
        "post_transaction": _post_transaction(get("post_transaction", {})),
        "ownership": _ownership(get("ownership", {})),
    })


def _reporting_owner(owner: dict) -> ReportingOwner:
    owner_id = owner.get("id", {})
    address = owner.get("address", {})
    relationship = owner.get("relationship", {})
    return _make(ReportingOwner, {
        "id": _make(ReportingOwnerId, {
            "cik": owner_id.get("cik", ""),
            "ccc": owner_id.get("ccc", ""),
            "name": owner_id.get("name", ""),
        }),
        "address": _make(Address, {
            "street1": address.get("street1", ""),
            "street2": address.get("street2", ""),
            "city": address.get("city", ""),
            "state": address.get("state", ""),
            "zip_code": address.get("zip_code", ""),
            "state_description": address.get("state_description", ""),
            "non_us_state_territory": address.get("non_us_state_territory", ""),
            "country": address.get("country", ""),
            "non_us_address": address.get("non_us_address"),
            "good_address": address.get("good_address"),
        }),
        "relationship": _make(Relationship, {
            "is_director": relationship.get("is_director"),
            "is_officer": relationship.get("is_officer"),
            "is_ten_percent_owner": relationship.get("is_ten_percent_owner"),
            "is_other": relationship.get("is_other"),
            "officer_title": relationship.get("officer_title", ""),
            "other_text": relationship.get("other_text", ""),
        }),
    })


def document(json_document: dict, diagnostics: tuple, format) -> Document:
    """The Document of one decoded form4_document_to_json object."""
    get = json_document.get
    issuer = get("issuer", {})
    filing = get("filing", {})
    return _make(Document, {
        "schema_version": get("schema_version", ""),
        "type": _coded(get("type"), DocumentType),
        "period_of_report": _optional_date(get("period_of_report")),
        "date_of_original_submission": _optional_date(get("date_of_original_submission")),
        "no_securities_owned": get("no_securities_owned"),
        "not_subject_to_section16": get("not_subject_to_section16"),
        "form3_holdings_reported": get("form3_holdings_reported"),
        "form4_transactions_reported": get("form4_transactions_reported"),
        "aff10b5_one": get("aff10b5_one"),
        "issuer": _make(Issuer, {
            "cik": issuer.get("cik", ""),
            "name": issuer.get("name", ""),
            "trading_symbol": issuer.get("trading_symbol", ""),
            "foreign_trading_symbol": issuer.get("foreign_trading_symbol", ""),
        }),
        "reporting_owners": tuple(map(_reporting_owner, get("reporting_owners", ()))),
        "non_derivative_transactions": tuple(map(_non_derivative_transaction, get("non_derivative_transactions", ()))),
        "non_derivative_holdings": tuple(map(_non_derivative_holding, get("non_derivative_holdings", ()))),
        "derivative_transactions": tuple(map(_derivative_transaction, get("derivative_transactions", ()))),
        "derivative_holdings": tuple(map(_derivative_holding, get("derivative_holdings", ()))),
        "footnotes": tuple(
            _make(Footnote, {"id": note.get("id", ""), "text": note.get("text", "")}) for note in get("footnotes", ())
        ),
        "remarks": get("remarks", ""),
        "signatures": tuple(
            _make(Signature, {"name": signature.get("name", ""), "date": _optional_date(signature.get("date"))})
            for signature in get("signatures", ())
        ),
        "filing": _make(FilingMetadata, {
            "accession_number": filing.get("accession_number", ""),
            "filing_date": _optional_date(filing.get("filing_date")),
            "submission_type": filing.get("submission_type", ""),
            "file_numbers": _footnotes(filing.get("file_numbers")),
        }),
        "diagnostics": diagnostics,
        "format": format,
    })
