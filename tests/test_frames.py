"""Scaling out: the pandas helper, pickling, a process pool, the Dask recipe (docs/scaling.md)."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

import walletcontact as wc

CALLERS = [
    "95188",
    "95189",
    "0571-95188",
    "+86 138 0013 8000",
    "138-0013-8000",
    "95017",
    "+86 95017",
    "hello",
    "",
    "12",
    "110",
    "+1 (402) 935-7733",
    "00 86 95188",
    "95188",  # a repeat
]


def _serial(numbers: list[Any], region: str | None = "CN") -> list[tuple[Any, ...]]:
    out = []
    for n in numbers:
        r = wc.check_number(n, region=region)
        out.append(
            (
                r.verdict.value,
                r.is_official,
                r.provider.id if r.provider else None,
                r.normalized,
                ";".join(r.codes),
                r.lookalike_of.number if r.lookalike_of else None,
            )
        )
    return out


def _rows(df: Any) -> list[tuple[Any, ...]]:
    """Frame rows as tuples, with every missing value as None (dask may turn None into NaN)."""
    import pandas

    clean = df.astype(object).where(pandas.notna(df), None)
    return [tuple(row) for row in clean.itertuples(index=False)]


def _check_chunk(chunk: list[str]) -> list[wc.NumberCheck]:
    """Runs in a worker process: check_many on one chunk, results pickled back."""
    return list(wc.check_many(chunk, region="CN"))


# ---------------------------------------------------------------- pandas helper


def test_verdict_columns_match_check_number_one_by_one() -> None:
    pandas = pytest.importorskip("pandas")
    from walletcontact.frames import COLUMNS, verdict_columns

    series = pandas.Series(CALLERS, index=range(100, 100 + len(CALLERS)), name="caller")
    df = verdict_columns(series, region="CN")
    assert list(df.columns) == list(COLUMNS)
    assert list(df.index) == list(series.index)
    assert df["is_official"].dtype == bool
    assert _rows(df) == _serial(CALLERS)
    official = df[df["is_official"]]
    assert set(official["verdict"]) == {"official"}
    assert df.loc[101, "lookalike_of"] == "95188"


def test_verdict_columns_reads_lists_missing_values_and_to_list_objects() -> None:
    pandas = pytest.importorskip("pandas")
    from walletcontact.frames import verdict_columns

    class FakePolarsSeries:  # what polars.Series offers: .to_list()
        def __init__(self, values: list[Any]) -> None:
            self._values = values

        def to_list(self) -> list[Any]:
            return list(self._values)

    from_list = verdict_columns(CALLERS, region="CN")
    from_polars_like = verdict_columns(FakePolarsSeries(CALLERS), region="CN")
    assert _rows(from_list) == _rows(from_polars_like) == _serial(CALLERS)
    assert list(from_list.index) == list(range(len(CALLERS)))

    missing = verdict_columns(pandas.Series(["95188", None, float("nan")]), region="CN")
    assert missing["verdict"].tolist() == ["official", "malformed", "malformed"]
    with pytest.raises(TypeError):
        verdict_columns("95188")
    with pytest.raises(wc.UnknownProviderError):
        verdict_columns(["95188"], provider="no-such-wallet")


def test_verdict_columns_on_a_polars_series() -> None:
    pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    from walletcontact.frames import COLUMNS, verdict_columns

    calls = pl.DataFrame({"caller": CALLERS})
    df = verdict_columns(calls["caller"], region="CN")
    assert _rows(df) == _serial(CALLERS)
    out = calls.hstack(pl.from_pandas(df))  # the recipe in docs/scaling.md
    assert out.columns == ["caller", *COLUMNS]
    assert out["verdict"].to_list() == [row[0] for row in _serial(CALLERS)]


def test_check_frame_adds_columns_by_position() -> None:
    pandas = pytest.importorskip("pandas")
    from walletcontact.frames import COLUMNS, check_frame

    log = pandas.DataFrame({"caller": CALLERS, "minutes": range(len(CALLERS))})
    log.index = [7] * len(CALLERS)  # duplicated index: rows still match by position
    out = check_frame(log, "caller", region="CN")
    assert list(out.columns) == ["caller", "minutes", *COLUMNS]
    assert len(out) == len(log)
    assert "verdict" not in log.columns  # the input is not changed
    assert _rows(out[list(COLUMNS)]) == _serial(CALLERS)
    with pytest.raises(ValueError, match="prefix"):
        check_frame(out, "caller", region="CN")
    prefixed = check_frame(out, "caller", region="CN", prefix="again_")
    assert prefixed["again_verdict"].tolist() == out["verdict"].tolist()


# ---------------------------------------------------------------- pickling and processes


def test_results_and_default_registry_pickle() -> None:
    results = list(wc.check_many(CALLERS, region="CN"))
    again = pickle.loads(pickle.dumps(results))
    assert again == results
    assert [r.verdict for r in again] == [r.verdict for r in results]
    assert again[0].advice() == results[0].advice()

    reg = pickle.loads(pickle.dumps(wc.default_registry()))
    assert isinstance(reg, wc.Registry)
    assert len(reg) == len(wc.default_registry())
    copied = [wc.check_number(n, region="CN", registry=reg) for n in CALLERS]
    assert [(r.verdict, r.normalized, r.codes) for r in copied] == [
        (r.verdict, r.normalized, r.codes) for r in results
    ]


def test_check_many_in_a_process_pool() -> None:
    chunks = [CALLERS[i::2] for i in range(2)]
    context = multiprocessing.get_context("spawn")  # no fork of a threaded process
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        parts = list(pool.map(_check_chunk, chunks))
    serial = [list(wc.check_many(chunk, region="CN")) for chunk in chunks]
    assert parts == serial
    assert [r.verdict.value for r in parts[0]] == [r[0] for r in _serial(chunks[0])]


# ---------------------------------------------------------------- the Dask recipe (docs/scaling.md)


@pytest.mark.slow
def test_dask_map_partitions_on_a_local_cluster() -> None:
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    from walletcontact.frames import verdict_columns

    callers = CALLERS * 25
    pdf = pandas.DataFrame({"caller": callers, "seconds": range(len(callers))})
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        preloaded = client.run(wc.preload)  # each worker loads the data once, up front
        assert len(preloaded) == 2
        ddf = dd.from_pandas(pdf, npartitions=6)
        meta = verdict_columns([], region="CN")
        verdicts = ddf["caller"].map_partitions(verdict_columns, region="CN", meta=meta)
        result = client.compute(verdicts).result()
        joined = client.compute(ddf.join(verdicts)).result()  # verdicts next to the other columns
        # the workers really ran it: each is a separate process
        assert len(client.scheduler_info()["workers"]) == 2
    assert list(result.columns) == list(meta.columns)
    assert list(result.index) == list(pdf.index)
    assert _rows(result) == _serial(callers)
    assert list(joined.columns) == ["caller", "seconds", *meta.columns]
    assert joined["verdict"].tolist() == result["verdict"].tolist()


def test_text_columns_are_aligned_and_never_raise() -> None:
    pandas = pytest.importorskip("pandas")
    from walletcontact.frames import TEXT_COLUMNS, text_columns

    s = pandas.Series(["【支付宝】退款请致电 400-826-8888", None, 42, "晚上 19:30 见"], index=[10, 11, 12, 13])
    df = text_columns(s, region="CN")
    assert list(df.columns) == list(TEXT_COLUMNS) and list(df.index) == [10, 11, 12, 13]
    assert df["risk"].tolist() == ["high", "unknown", "unknown", "unknown"]
    assert df["risky"].tolist() == [True, False, False, False]
    assert df.loc[10, "numbers"] == "400-826-8888" and df.loc[10, "providers"] == "alipay"


def test_text_columns_take_the_senders_shown() -> None:
    pandas = pytest.importorskip("pandas")
    from walletcontact.frames import text_columns

    text = "M-PESA: Confirmed. Ksh500.00 received."
    msgs = pandas.DataFrame({"text": [text, text, text, "晚上见"], "sender": ["MPESA", "0712345678", None, "MPESA"]},
                            index=[5, 6, 7, 8])
    df = text_columns(msgs["text"], region="KE", senders=msgs["sender"])
    assert list(df.index) == [5, 6, 7, 8]
    expected = [wc.check_text(t, region="KE", sender=s).risk.value for t, s in zip(msgs["text"], [*msgs["sender"][:2], None, "MPESA"], strict=True)]
    assert df["risk"].tolist() == expected and df.loc[6, "risk"] == "high"
    assert df.loc[8, "providers"] == "m-pesa"  # a provider's sender ID is a claim to be it
    assert text_columns([text], region="KE")["risk"].tolist() == [wc.check_text(text, region="KE").risk.value]
    with pytest.raises(ValueError, match="senders"):
        text_columns([text, text], region="KE", senders=["MPESA"])


@pytest.mark.slow
def test_dask_recipe_over_a_message_table() -> None:
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    from walletcontact.frames import text_columns

    texts = ["【支付宝】退款请致电 400-826-8888", "【支付宝】您的账单已还款,疑问请拨打 95188",
             "您的快递已到,取件码 951883", "晚上 19:30 见"] * 25
    sms = pandas.DataFrame({"text": texts, "sender": ["95188", "+86 171 0000 0000", None, "friend"] * 25})
    with (
        distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.run(wc.preload)
        ddf = dd.from_pandas(sms, npartitions=4)
        meta = text_columns([], region="CN")
        judged = ddf["text"].map_partitions(text_columns, region="CN", meta=meta)
        risky = client.compute(ddf.join(judged).query("risky")).result()
        with_senders = ddf.map_partitions(
            lambda part: text_columns(part["text"], region="CN", senders=part["sender"]), meta=meta
        )
        by_sender = client.compute(with_senders).result()
    assert len(risky) == 25 and risky["providers"].unique().tolist() == ["alipay"]
    assert by_sender["risk"].tolist() == [
        wc.check_text(t, region="CN", sender=s).risk.value for t, s in zip(sms["text"], sms["sender"], strict=True)
    ]
    assert text_columns(texts, region="CN")["risk"].tolist() == [
        wc.check_text(t, region="CN").risk.value for t in texts
    ]
