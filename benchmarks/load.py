"""A bounded load test of `walletcontact serve` on loopback: start the server, send N requests
over C concurrent connections (a mix of the JSON endpoints and the page), and report throughput,
p50/p99 latency and errors. Exit status 1 when any request failed.

    python benchmarks/load.py [-n 20000] [-c 16]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time

import httpx

REQUESTS = [
    ("GET", "/v1/check/number", {"params": {"number": "95188", "region": "CN"}}),
    ("GET", "/v1/check/number", {"params": {"number": "+1 402-935-7733", "provider": "paypal"}}),
    ("GET", "/v1/check/caller", {"params": {"number": "0722000000", "provider": "m-pesa", "region": "KE"}}),
    ("POST", "/v1/check/text", {"json": {"text": "【支付宝】退款请致电 400-826-8888 或访问 alipay-refund.cn", "region": "CN"}}),
    ("GET", "/v1/check/link", {"params": {"link": "https://alipay.com@evil.cn", "provider": "alipay"}}),
    ("POST", "/v1/batch/numbers", {"json": {"numbers": ["95188", "95189", "95017", "400-826-8888"], "region": "CN"}}),
    ("GET", "/v1/report/KE", {}),
    ("GET", "/", {"params": {"q": "PayPal: call 1-805-250-7719", "region": "US"}}),
]


async def _run(base: str, n: int, conns: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    counter = iter(range(n))
    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            for i in counter:
                method, path, kw = REQUESTS[i % len(REQUESTS)]
                t0 = time.perf_counter()
                try:
                    r = await client.request(method, path, **kw)
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)

        await asyncio.gather(*(worker() for _ in range(conns)))
    return latencies, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("-n", type=int, default=20_000, help="requests (default 20,000)")
    ap.add_argument("-c", type=int, default=16, help="concurrent connections (default 16)")
    args = ap.parse_args()
    from walletcontact.web import background

    with background() as base:
        asyncio.run(_run(base, min(400, args.n), args.c))  # warm up: data, caches
        t0 = time.perf_counter()
        latencies, errors = asyncio.run(_run(base, args.n, args.c))
        wall = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100)
    print(f"load test: {args.n:,} requests over {args.c} connections to one uvicorn process on loopback "
          f"(a mix of {len(REQUESTS)} endpoints): {args.n / wall:,.0f} requests/s, p50 {q[49] * 1e3:.1f} ms, "
          f"p99 {q[98] * 1e3:.1f} ms, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
