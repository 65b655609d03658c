"""Verdict columns for data frames: pandas (and polars, via a pandas frame), for call logs at scale.

pandas is imported only when one of these functions is called; ``import walletcontact`` never
imports it. A polars ``Series`` (anything with ``.to_list()``) is read as a plain list.

>>> df = verdict_columns(["95188", "95189", "hello"], region="CN")
>>> list(df.columns)
['verdict', 'is_official', 'provider', 'normalized', 'reasons', 'lookalike_of']
>>> df["verdict"].tolist(), df["is_official"].tolist()
(['official', 'unofficial', 'malformed'], [True, False, False])
>>> df.loc[1, "lookalike_of"], df.loc[1, "reasons"]
('95188', 'KNOWN_FAKE;LOOKALIKE')
"""

from __future__ import annotations

import importlib
from typing import Any

from .check import NumberCheck, check_many
from .model import Direction, Provider
from .registry import Registry

__all__ = ["COLUMNS", "TEXT_COLUMNS", "check_frame", "text_columns", "verdict_columns"]

#: The columns :func:`verdict_columns` returns, in order.
COLUMNS = ("verdict", "is_official", "provider", "normalized", "reasons", "lookalike_of")
#: The columns :func:`text_columns` returns, in order.
TEXT_COLUMNS = ("risk", "providers", "numbers", "links", "risky")


def _pandas() -> Any:
    return importlib.import_module("pandas")


def _values(series_or_list: Any) -> tuple[list[Any], Any]:
    """The values to check, and the index to give the result (``None``: a fresh range index)."""
    pd = _pandas()
    if isinstance(series_or_list, pd.Series):
        return series_or_list.tolist(), series_or_list.index
    if isinstance(series_or_list, pd.Index):
        return series_or_list.tolist(), None
    if isinstance(series_or_list, (str, bytes)):
        raise TypeError("verdict_columns() needs a Series or a list of numbers, not one string")
    to_list = getattr(series_or_list, "to_list", None)
    if callable(to_list):
        return list(to_list()), None  # a polars Series, or anything else offering .to_list()
    return list(series_or_list), None


def _row(r: NumberCheck) -> tuple[str, bool, str | None, str | None, str, str | None]:
    return (
        r.verdict.value,
        r.is_official,
        r.provider.id if r.provider is not None else None,
        r.normalized,
        ";".join(r.codes),
        r.lookalike_of.number if r.lookalike_of is not None else None,
    )


def verdict_columns(
    series_or_list: Any,
    *,
    provider: str | Provider | None = None,
    region: str | None = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
) -> Any:
    """A ``pandas.DataFrame`` of verdicts, one row per number, aligned with the input.

    Columns: ``verdict`` (``"official"``, ``"unofficial"`` or ``"malformed"``),
    ``is_official`` (bool), ``provider`` (id of the provider whose number it is, or the one asked
    about, else ``None``), ``normalized`` (the index key, e.g. ``"+14029357733"`` or
    ``"CN:95188"``), ``reasons`` (the reason codes joined with ``";"``) and ``lookalike_of`` (the
    official number a look-alike imitates, else ``None``). Text columns have ``object`` dtype and
    hold ``None`` when empty.

    ``series_or_list`` is a pandas ``Series`` (the result keeps its index, so it can be joined
    back), a polars ``Series`` or anything with ``.to_list()``, or any iterable of strings.
    Missing values (``None``, ``NaN``) and non-strings give a ``malformed`` verdict, never an
    error. Repeated numbers are checked once (:func:`walletcontact.check_many`).

    >>> verdict_columns(["+1 402-935-7733"], provider="paypal")["normalized"].tolist()
    ['+14029357733']

    Raises:
        UnknownProviderError: ``provider`` is not known.
        TypeError: a single string was given instead of a column.
    """
    pd = _pandas()
    values, index = _values(series_or_list)
    results = check_many(
        values, provider=provider, region=region, direction=direction, registry=registry
    )
    rows = [_row(r) for r in results]
    columns: dict[str, Any] = {}
    for i, name in enumerate(COLUMNS):
        dtype = bool if name == "is_official" else object
        columns[name] = pd.Series([row[i] for row in rows], dtype=dtype, index=index)
    if index is None:
        return pd.DataFrame(columns, columns=list(COLUMNS))
    return pd.DataFrame(columns, columns=list(COLUMNS), index=index)


def check_frame(df: Any, column: str, *, prefix: str = "", **kw: Any) -> Any:
    """``df`` with the :func:`verdict_columns` of ``df[column]`` added, as a new frame.

    ``df`` (a pandas ``DataFrame``) is not changed. Rows are matched by position, so a duplicated
    or unsorted index is fine. ``prefix`` is put in front of the added column names (to avoid
    clashing with existing ones); ``kw`` goes to :func:`verdict_columns` (``provider``,
    ``region``, ``direction``, ``registry``). For a polars frame, use
    ``verdict_columns(df[column])`` and ``polars.from_pandas``.

    >>> import pandas
    >>> log = pandas.DataFrame({"caller": ["95188", "0571-95188"], "minutes": [3, 1]})
    >>> out = check_frame(log, "caller", region="CN", prefix="wc_")
    >>> out[["caller", "wc_verdict", "wc_normalized"]].values.tolist()
    [['95188', 'official', 'CN:95188'], ['0571-95188', 'official', '+8657195188']]

    Raises:
        KeyError: ``column`` is not in ``df``.
        ValueError: an added column name is already in ``df``.
    """
    values, _ = _values(df[column])
    verdicts = verdict_columns(values, **kw)
    added = {f"{prefix}{name}": verdicts[name].set_axis(df.index) for name in COLUMNS}
    clash = [name for name in added if name in df.columns]
    if clash:
        raise ValueError(f"check_frame(): {', '.join(clash)} already in the frame; pass prefix=")
    return df.assign(**added)


def text_columns(
    series_or_list: Any,
    *,
    provider: str | Provider | None = None,
    region: str | None = None,
    registry: Registry | None = None,
    senders: Any = None,
) -> Any:
    """A ``pandas.DataFrame`` with one row per message (SMS, chat line, post), aligned with the input:

    ``risk`` (``low``, ``unknown``, ``caution``, ``high``), ``providers`` (the ids the text speaks
    for, joined with ``";"``), ``numbers`` and ``links`` (what was found, joined with ``";"``)
    and ``risky`` (bool: ``caution`` or ``high``). Missing values and non-strings give an empty
    text's answer (``unknown``), never an error. ``senders``: the sender each message showed (a
    Series or list of the same length; missing values: none shown), judged with the message as
    :func:`~walletcontact.check_text` does (``ddf.map_partitions(lambda d: text_columns(d["text"],
    senders=d["sender"]))`` on a message table).

    >>> df = text_columns(["【支付宝】退款请致电 400-826-8888", "晚上 19:30 见"], region="CN")
    >>> df.values.tolist()
    [['high', 'alipay', '400-826-8888', None, True], ['unknown', None, None, None, False]]
    """
    from .message import check_texts

    pd = _pandas()
    values, index = _values(series_or_list)
    items: Any = (v if isinstance(v, str) else "" for v in values)
    if senders is not None:
        shown, _ = _values(senders)
        if len(shown) != len(values):
            raise ValueError(f"senders has {len(shown)} values for {len(values)} messages")
        items = (
            (v if isinstance(v, str) else "", s if isinstance(s, str) and s.strip() else None)
            for v, s in zip(values, shown, strict=True)
        )
    rows = []
    for t in check_texts(items, region=region, provider=provider, registry=registry):
        numbers = [f.text for f in t.findings if f.kind in ("number", "dial-code")]
        links = [f.text for f in t.findings if f.kind in ("link", "email")]
        rows.append((
            t.risk.value,
            ";".join(p.id for p in t.providers) or None,
            ";".join(numbers) or None,
            ";".join(links) or None,
            t.risk.value in ("caution", "high"),
        ))
    columns = {
        name: pd.Series([row[i] for row in rows], dtype=bool if name == "risky" else object, index=index)
        for i, name in enumerate(TEXT_COLUMNS)
    }
    return pd.DataFrame(columns, columns=list(TEXT_COLUMNS), index=index)

