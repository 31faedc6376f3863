"""Benchmark the calibrated generator: a 10-council, 3-year journey dataset, and a 1-council one.

    .venv/bin/python bench/generate.py [--repeat N] [--children N]

Each council has 36,050 children aged 0-17 on average (Herefordshire-sized), so 10 councils are
about 360,000 children; the years are 2014-15 to 2016-17 (plus the look-back year the dataset
holds). Prints the best of N runs: seconds to generate (simulation and Arrow tables), seconds to
write the Parquet folder, rows a second, and the peak memory of the process.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safeguard.settings")

import django

django.setup()

from safeguard.journey.generate import councils_for, generate  # noqa: E402


def run(councils: int, children: int, repeat: int) -> None:
    best_generate = best_write = float("inf")
    for attempt in range(repeat):
        seed = f"bench-{attempt}"
        spec = councils_for(councils, children, seed)
        started = time.perf_counter()
        dataset = generate(spec, 2014, 2016, seed)
        generated = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder:
            dataset.write(folder)
        written = time.perf_counter()
        best_generate = min(best_generate, generated - started)
        best_write = min(best_write, written - generated)
    rows = sum(table.num_rows for table in dataset.tables.values())
    population = sum(council.population for council in spec)
    print(
        f"{councils:>2} council(s), {population:,} children aged 0-17, 2014-15 to 2016-17: "
        f"{rows:,} rows ({dataset['referrals'].num_rows:,} referrals, "
        f"{dataset['contacts'].num_rows:,} contacts)\n"
        f"   generate {best_generate:6.2f} s  ({rows / best_generate:,.0f} rows/s)   "
        f"write Parquet {best_write:5.2f} s   total {best_generate + best_write:6.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each; the best is shown")
    parser.add_argument("--children", type=int, default=36_050, help="Children per council")
    options = parser.parse_args()
    run(1, options.children, options.repeat)
    run(10, options.children, options.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB")


if __name__ == "__main__":
    main()
