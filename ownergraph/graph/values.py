"""Type-preserving JSON encoding of flat property values.

JSON has no decimal or date; the store must give back exactly what was put in
(``Decimal('11615772.8')`` stays a Decimal, ``date(2024, 7, 23)`` stays a date).
Decimals are tagged ``{"$d": "..."}`` and dates ``{"$date": "YYYY-MM-DD"}``.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any


def encode_scalar(v: Any) -> Any:
    if isinstance(v, bool) or v is None or isinstance(v, (int, str)):
        return v
    if isinstance(v, Decimal):
        return {"$d": format(v, "f")}
    if isinstance(v, float):
        return {"$d": repr(v)}
    if isinstance(v, dt.datetime):
        return {"$date": v.date().isoformat()}
    if isinstance(v, dt.date):
        return {"$date": v.isoformat()}
    if hasattr(v, "value") and hasattr(v, "name"):  # Enum
        return v.value
    raise TypeError(f"not a flat property value: {v!r}")


def decode_scalar(v: Any) -> Any:
    if isinstance(v, dict):
        if "$d" in v:
            return Decimal(v["$d"])
        if "$date" in v:
            return dt.date.fromisoformat(v["$date"])
    return v


def dumps_props(props: dict[str, Any]) -> str:
    return json.dumps({k: encode_scalar(v) for k, v in sorted(props.items())}, sort_keys=True, ensure_ascii=False)


def loads_props(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    return {k: decode_scalar(v) for k, v in json.loads(text).items()}


def dumps_value(v: Any) -> str:
    return json.dumps(encode_scalar(v), sort_keys=True, ensure_ascii=False)


def loads_value(text: str) -> Any:
    return decode_scalar(json.loads(text))


def to_plain(v: Any) -> Any:
    """A JSON-friendly rendering for humans and ``--json`` output (Decimal -> str, date -> ISO)."""
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: to_plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_plain(x) for x in v]
    if hasattr(v, "value") and hasattr(v, "name") and not isinstance(v, (int, str)):
        return v.value
    return v
