"""The whole-message figures alone (what .ci/run prints): check_text over the labelled corpus and a
generated stream, against phonenumbers' PhoneNumberMatcher (leniency VALID) finding alone.

    python benchmarks/messages.py [-n 20000]

The full benchmark (benchmarks/run.py) reports the same figures with the others and a
100,000-message stream.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import bench_messages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("-n", type=int, default=20_000, help="messages in the generated stream")
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()
    res = bench_messages(args.n, 2, args.seed)
    for key in ("corpus", "stream"):
        m = res[key]
        tp = m["throughput"]
        print(f"check_text over the {key} ({m['messages']:,} messages): {tp['walletcontact']:,.0f}/s; "
              f"PhoneNumberMatcher finding alone {tp['phonenumbers']:,.0f}/s; {m['ratio']:.2f}× (goal ≥ 3×)")
    heap = res["memory_mib"]
    print(f"check_texts heap: {heap[0]:.1f} / {heap[1]:.1f} / {heap[2]:.1f} MiB after 10 % / 50 % / 100 % of the stream")
    return 0


if __name__ == "__main__":
    sys.exit(main())
