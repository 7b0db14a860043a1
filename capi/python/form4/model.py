"""The form4 model in Python: frozen dataclasses holding copies of what the C
library read (``decimal.Decimal`` for numbers, ``datetime.date`` for dates,
enums for codes). Field names are those of the C++ model and of its JSON.

Nothing here holds a pointer into the C library: a parsed document outlives
the parse that made it, can be pickled, hashed and compared.
"""

from __future__ import annotations

import datetime
import decimal
import enum
from dataclasses import dataclass, field
from typing import Generic, Optional, Tuple, TypeVar

T = TypeVar("T")
E = TypeVar("E", bound=enum.IntEnum)


class Format(enum.IntEnum):
    """Input formats (FORM4_FORMAT_*)."""

    AUTO = 0
    XML = 1
    TEXT = 2
    HTML = 3
    SUBMISSION = 4


class Severity(enum.IntEnum):
    NOTE = 0
    WARNING = 1
    ERROR = 2


class DocumentType(enum.IntEnum):
    UNKNOWN = 0
    FORM3 = 1
    FORM3_AMENDMENT = 2
    FORM4 = 3
    FORM4_AMENDMENT = 4
    FORM5 = 5
    FORM5_AMENDMENT = 6


# Transaction codes: the value is the letter's code point, as in C.
TransactionCode = enum.IntEnum(
    "TransactionCode",
    [("UNKNOWN", 0)] + [(letter, ord(letter)) for letter in "ACDEFGHIJKLMOPSUVWXZ"],
    module=__name__,
)
TransactionCode.__doc__ = "Form 4 transaction codes (General Instruction 8); TransactionCode.P == ord('P')."


class AcquiredDisposed(enum.IntEnum):
    UNKNOWN = 0
    ACQUIRED = 1  # A
    DISPOSED = 2  # D


class OwnershipForm(enum.IntEnum):
    UNKNOWN = 0
    DIRECT = 1  # D
    INDIRECT = 2  # I


class Timeliness(enum.IntEnum):
    UNKNOWN = 0
    EARLY = 1  # E
    LATE = 2  # L


class FormType(enum.IntEnum):
    UNKNOWN = 0
    FORM3 = 3
    FORM4 = 4
    FORM5 = 5


@dataclass(frozen=True)
class Coded(Generic[E]):
    """A code: the enum member (UNKNOWN when the text is not a known code)
    and the text as filed, so that a code the SEC adds later survives."""

    value: E
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Footnoted(Generic[T]):
    """A value the filer may give, replace or explain with footnotes: the
    value (None when not given) and the footnote ids, in document order."""

    value: Optional[T] = None
    footnotes: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str  # stable, e.g. "xml.mismatched-end-tag"
    message: str
    line: int  # 1-based; 0 when the finding has no position
    column: int

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line else ""
        return f"{where}{self.severity.name.lower()}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class LintFinding:
    """One of the form's rules a filing breaks (``form4.lint``)."""

    severity: Severity
    code: str  # stable, e.g. "lint.code-direction"
    field: str  # the model field, e.g. "non_derivative_transactions[0].acquired_disposed"; "" for the whole filing
    message: str
    reference: str  # the instruction or rule it rests on
    line: int  # where the field was read, 1-based; 0 when not known
    column: int

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line else ""
        about = f"{self.field}; " if self.field else ""
        return f"{where}{self.severity.name.lower()}: {self.message} [{self.code}] ({about}{self.reference})"


@dataclass(frozen=True)
class Issuer:
    cik: str = ""
    name: str = ""
    trading_symbol: str = ""
    foreign_trading_symbol: str = ""


@dataclass(frozen=True)
class ReportingOwnerId:
    cik: str = ""
    ccc: str = ""
    name: str = ""


@dataclass(frozen=True)
class Address:
    street1: str = ""
    street2: str = ""
    city: str = ""
    state: str = ""
    zip_code: str = ""
    state_description: str = ""
    non_us_state_territory: str = ""
    country: str = ""
    non_us_address: Optional[bool] = None
    good_address: Optional[bool] = None


@dataclass(frozen=True)
class Relationship:
    is_director: Optional[bool] = None
    is_officer: Optional[bool] = None
    is_ten_percent_owner: Optional[bool] = None
    is_other: Optional[bool] = None
    officer_title: str = ""
    other_text: str = ""


@dataclass(frozen=True)
class ReportingOwner:
    id: ReportingOwnerId
    address: Address
    relationship: Relationship


@dataclass(frozen=True)
class TransactionCoding:
    form_type: Coded[FormType]
    code: Coded[TransactionCode]
    equity_swap_involved: Optional[bool] = None
    footnotes: Tuple[str, ...] = ()


@dataclass(frozen=True)
class HoldingCoding:
    form_type: Coded[FormType]
    footnotes: Tuple[str, ...] = ()


@dataclass(frozen=True)
class PostTransactionAmounts:
    shares_owned: Footnoted[decimal.Decimal] = Footnoted()
    value_owned: Footnoted[decimal.Decimal] = Footnoted()


@dataclass(frozen=True)
class OwnershipNature:
    direct_or_indirect: Footnoted[Coded[OwnershipForm]] = Footnoted()
    nature: Footnoted[str] = Footnoted()


@dataclass(frozen=True)
class UnderlyingSecurity:
    title: Footnoted[str] = Footnoted()
    shares: Footnoted[decimal.Decimal] = Footnoted()
    value: Footnoted[decimal.Decimal] = Footnoted()


@dataclass(frozen=True)
class NonDerivativeTransaction:
    """Table I, a transaction row."""

    security_title: Footnoted[str]
    transaction_date: Footnoted[datetime.date]
    deemed_execution_date: Footnoted[datetime.date]
    coding: Optional[TransactionCoding]
    timeliness: Footnoted[Coded[Timeliness]]
    shares: Footnoted[decimal.Decimal]
    price_per_share: Footnoted[decimal.Decimal]
    acquired_disposed: Footnoted[Coded[AcquiredDisposed]]
    post_transaction: PostTransactionAmounts
    ownership: OwnershipNature


@dataclass(frozen=True)
class NonDerivativeHolding:
    """Table I, a holding row."""

    security_title: Footnoted[str]
    coding: Optional[HoldingCoding]
    post_transaction: PostTransactionAmounts
    ownership: OwnershipNature


@dataclass(frozen=True)
class DerivativeTransaction:
    """Table II, a transaction row."""

    security_title: Footnoted[str]
    conversion_or_exercise_price: Footnoted[decimal.Decimal]
    transaction_date: Footnoted[datetime.date]
    deemed_execution_date: Footnoted[datetime.date]
    coding: Optional[TransactionCoding]
    timeliness: Footnoted[Coded[Timeliness]]
    shares: Footnoted[decimal.Decimal]
    total_value: Footnoted[decimal.Decimal]
    price_per_share: Footnoted[decimal.Decimal]
    acquired_disposed: Footnoted[Coded[AcquiredDisposed]]
    exercise_date: Footnoted[datetime.date]
    expiration_date: Footnoted[datetime.date]
    underlying: UnderlyingSecurity
    post_transaction: PostTransactionAmounts
    ownership: OwnershipNature


@dataclass(frozen=True)
class DerivativeHolding:
    """Table II, a holding row."""

    security_title: Footnoted[str]
    conversion_or_exercise_price: Footnoted[decimal.Decimal]
    coding: Optional[HoldingCoding]
    exercise_date: Footnoted[datetime.date]
    expiration_date: Footnoted[datetime.date]
    underlying: UnderlyingSecurity
    post_transaction: PostTransactionAmounts
    ownership: OwnershipNature


@dataclass(frozen=True)
class Footnote:
    id: str
    text: str


@dataclass(frozen=True)
class Signature:
    name: str
    date: Optional[datetime.date] = None


@dataclass(frozen=True)
class FilingMetadata:
    """What an EDGAR submission envelope adds; empty for a loose XML file."""

    accession_number: str = ""
    filing_date: Optional[datetime.date] = None
    submission_type: str = ""
    file_numbers: Tuple[str, ...] = ()
    # When EDGAR accepted the filing, on its clock (US Eastern time): naive.
    acceptance_datetime: Optional[datetime.datetime] = None


@dataclass(frozen=True)
class Document:
    """One ownership document (Form 3, 4 or 5, or an amendment)."""

    schema_version: str
    type: Coded[DocumentType]
    period_of_report: Optional[datetime.date]
    date_of_original_submission: Optional[datetime.date]
    no_securities_owned: Optional[bool]
    not_subject_to_section16: Optional[bool]
    form3_holdings_reported: Optional[bool]
    form4_transactions_reported: Optional[bool]
    aff10b5_one: Optional[bool]
    issuer: Issuer
    reporting_owners: Tuple[ReportingOwner, ...]
    non_derivative_transactions: Tuple[NonDerivativeTransaction, ...]
    non_derivative_holdings: Tuple[NonDerivativeHolding, ...]
    derivative_transactions: Tuple[DerivativeTransaction, ...]
    derivative_holdings: Tuple[DerivativeHolding, ...]
    footnotes: Tuple[Footnote, ...]
    remarks: str
    signatures: Tuple[Signature, ...]
    filing: FilingMetadata
    # Not part of the filing: what the parse found and what format it read.
    diagnostics: Tuple[Diagnostic, ...] = field(default=(), compare=False)
    format: Format = field(default=Format.AUTO, compare=False)
