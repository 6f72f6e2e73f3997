"""Benchmark: time and memory to make the sample's documents, per document and format.

    python bench/bench_documents.py [--repeat 20]

Prints the median time per document after a warm-up (fonts, templates and the DOCX base
document are loaded once per process, so the first document costs more; that is printed
apart) and the process's peak memory. Run it on a quiet machine and compare runs, never
assert on it in tests: shared machines are noisy.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from lofte_reports import load_followup, load_pledge, render_followup, render_pledge

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "landskrona-2018"


def measure(make: Callable[[], bytes], repeat: int) -> tuple[float, float, int]:
    """Return (first run ms, median ms of the rest, size in bytes)."""
    start = time.perf_counter()
    size = len(make())
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        make()
        times.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    pledge = load_pledge(SAMPLE)
    followup = load_followup(SAMPLE, pledge)
    assert followup is not None
    print(f"load pledge and follow-up: {(time.perf_counter() - start) * 1000:.1f} ms")

    cases: dict[str, Callable[[str], bytes]] = {
        "pledge": lambda fmt: render_pledge(pledge, fmt),  # type: ignore[arg-type]
        "tertial 2018-T3": lambda fmt: render_followup(pledge, followup, "tertial", "2018-T3", fmt),  # type: ignore[arg-type]
        "annual 2018": lambda fmt: render_followup(pledge, followup, "annual", "2018", fmt),  # type: ignore[arg-type]
    }
    print(f"{'document':<18} {'format':<6} {'first ms':>9} {'median ms':>10} {'bytes':>9}")
    for name, make in cases.items():
        for fmt in ("pdf", "docx"):
            first, median, size = measure(lambda: make(fmt), args.repeat)  # noqa: B023
            print(f"{name:<18} {fmt:<6} {first:>9.1f} {median:>10.1f} {size:>9}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
