"""Internal: the model's objects from the pickle streams libform4_c writes
for this package (form4_result_to_pickle, form4_dataset_to_pickle).

Python's C unpickler builds every object of a document in one call, where
building them in Python from json.loads output took twice as long as the
C++ parse. The streams come from the library this package loaded, never
from a file or the network; filing text is in them only as length-prefixed
string operands. Even so the unpicklers here resolve next to no globals:
document streams none at all (they refer to classes, field names and
common codes as the shared objects: entries the unpickler's memo holds
from the start, or persistent ids), data set streams only dict, and the
shared objects' list only the model's classes, decimal.Decimal,
datetime.date and datetime.datetime.
"""

from __future__ import annotations

import ctypes
import datetime
import decimal
import io
import pickle
import struct
import sys

from . import _capi as _c
from . import model


_CharPointer = ctypes.POINTER(ctypes.c_char)
_byref = ctypes.byref


def stream(writer, *args) -> bytes:
    """The bytes of a pickle stream that ``writer`` (a form4_*_to_pickle
    function) returns as a malloc'd string, copied and freed."""
    out = _CharPointer()
    length = ctypes.c_size_t()
    status = writer(_byref(out), _byref(length), *args)
    if status != _c.OK:
        raise _c.last_error(status)
    try:
        return out[: length.value]  # a slice of a char pointer: bytes, copied in C
    finally:
        _c.lib.form4_string_free(out)


class _NoGlobals(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"form4: unexpected global {module}.{name} in a stream of libform4_c")


_ALLOWED_GLOBALS = {
    ("decimal", "Decimal"): decimal.Decimal,
    ("datetime", "date"): datetime.date,
    ("datetime", "datetime"): datetime.datetime,
}


class _SharedObjectsUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        # The library names the package's module "form4.model": resolve it
        # to this package's model whatever the package is imported as.
        if module == "form4.model" and not name.startswith("_"):
            found = getattr(model, name, None)
            if isinstance(found, type):
                return found
        if (module, name) in _ALLOWED_GLOBALS:
            return _ALLOWED_GLOBALS[(module, name)]
        raise pickle.UnpicklingError(f"form4: unexpected global {module}.{name} in the shared objects")


def _shared_objects() -> list:
    objects = _SharedObjectsUnpickler(io.BytesIO(stream(_c.lib.form4_pickle_shared_objects))).load()
    # Field names: interned, as attribute names are, so that BUILD and every
    # later attribute lookup compare them by identity.
    return [sys.intern(item) if type(item) is str else item for item in objects]


SHARED_OBJECTS = _shared_objects()


class _DocumentUnpickler(_NoGlobals):
    # A persistent id is an index into the shared objects: a C-level call.
    persistent_load = SHARED_OBJECTS.__getitem__


def _memo_template():
    """An unpickler whose memo holds SHARED_OBJECTS at their indexes, or None
    when this Python cannot copy one unpickler's memo into another (CPython's
    C unpickler can: Unpickler.memo = other.memo)."""
    body = bytearray(b"\x80\x04(")
    for index in range(len(SHARED_OBJECTS)):  # BININT2 index, BINPERSID, LONG_BINPUT index
        body += b"M" + struct.pack("<H", index) + b"Q" + b"r" + struct.pack("<I", index)
    body += b"l."
    template = _DocumentUnpickler(io.BytesIO(bytes(body)))
    template.load()
    # A copy must give the shared objects and take the stream's own entries after them.
    last, after = len(SHARED_OBJECTS) - 1, len(SHARED_OBJECTS)
    probe = _NoGlobals(io.BytesIO(b"\x80\x04j" + struct.pack("<I", last) + b"r" + struct.pack("<I", after) + b"0j"
                                  + struct.pack("<I", after) + b"j" + struct.pack("<I", 0) + b"\x86."))
    try:
        probe.memo = template.memo
        works = probe.load() == (SHARED_OBJECTS[last], SHARED_OBJECTS[0])
    except (AttributeError, TypeError, pickle.UnpicklingError):
        works = False
    return template if works else None


_TEMPLATE = _memo_template()

if _TEMPLATE is not None:
    # The shared objects are memo entries of every document's unpickler from
    # the start: copying the memo (one C loop) costs less than the persistent
    # id calls a document makes, one per class, field name and code it uses.
    RESULT_FLAGS = _c.PICKLE_SHARED_IN_MEMO

    def result(data: bytes) -> tuple:
        """(Document or None, diagnostics) of a form4_result_to_pickle stream
        written with RESULT_FLAGS."""
        unpickler = _NoGlobals(io.BytesIO(data))
        unpickler.memo = _TEMPLATE.memo
        return unpickler.load()

else:
    RESULT_FLAGS = 0

    def result(data: bytes) -> tuple:
        """(Document or None, diagnostics) of a form4_result_to_pickle stream
        written with RESULT_FLAGS."""
        return _DocumentUnpickler(io.BytesIO(data)).load()


class _DatasetUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        # Each row is dict(the table's row of empty cells), then its cells.
        if (module, name) == ("builtins", "dict"):
            return dict
        raise pickle.UnpicklingError(f"form4: unexpected global {module}.{name} in a data set stream")


def dataset(data: bytes) -> dict:
    """{table name: [row dict, ...]} of a form4_dataset_to_pickle stream."""
    return _DatasetUnpickler(io.BytesIO(data)).load()
