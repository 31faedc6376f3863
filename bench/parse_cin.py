"""How fast the CIN census reader parses a national-scale file, and in how much memory.

    .venv/bin/python bench/parse_cin.py [CHILDREN] [--keep PATH]

Writes a synthetic 2016-17 CIN census file of CHILDREN children (default 400,000, England's
children in need in a year) with about 1.6 episodes each, then times
`safeguard.returns.cin_xml.parse.parse` on it and prints children per second, seconds and the
peak resident memory of the process. The file is made here, from plain random rows, so the
benchmark depends on nothing but the parser.
"""

import argparse
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from safeguard.returns.cin_xml.parse import parse

YEAR_START = date(2016, 4, 1)
ETHNICITIES = ["WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "CHNE", "OOTH", "NOBT"]
DISABILITIES = ["MOB", "HAND", "PC", "COMM", "LD", "HEAR", "VIS", "BEH", "AUT"]
SOURCES = ["1A", "1C", "2A", "2B", "3A", "3B", "3E", "4", "5A", "6", "7", "8", "9", "10"]
NEEDS = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]
CLOSURES = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8"]
FACTORS = ["1B", "2B", "3A", "3B", "4B", "5A", "6B", "10A", "11A", "16A", "17A", "21"]
CATEGORIES = ["NEG", "PHY", "SAB", "EMO", "MUL"]
# Episodes per child: 1 for 60%, 2 for 25%, 3 for 10%, 4 for 5% (1.6 on average).
EPISODES = [1] * 12 + [2] * 5 + [3] * 2 + [4]


def day(rng: random.Random, after: date, within: int) -> date:
    return after + timedelta(days=rng.randrange(within))


def tag(name: str, value: object, indent: int) -> str:
    return f"{' ' * indent}<{name}>{value}</{name}>\n"


def episode(rng: random.Random) -> Iterator[str]:
    referral = day(rng, YEAR_START - timedelta(days=400), 760)
    yield "      <CINdetails>\n"
    yield tag("CINreferralDate", referral, 8)
    yield tag("ReferralSource", rng.choice(SOURCES), 8)
    yield tag("PrimaryNeedCode", rng.choice(NEEDS), 8)
    if rng.random() < 0.6:
        yield tag("CINclosureDate", day(rng, referral, 300), 8)
        yield tag("ReasonForClosure", rng.choice(CLOSURES), 8)
    if rng.random() < 0.8:
        start = day(rng, referral, 5)
        yield "        <Assessments>\n"
        yield tag("AssessmentActualStartDate", start, 10)
        yield tag("AssessmentAuthorisationDate", day(rng, start, 45), 10)
        yield "          <FactorsIdentifiedAtAssessment>\n"
        for factor in rng.sample(FACTORS, rng.randint(1, 3)):
            yield tag("AssessmentFactors", factor, 12)
        yield "          </FactorsIdentifiedAtAssessment>\n"
        yield "        </Assessments>\n"
    protected = rng.random() < 0.1
    if protected or rng.random() < 0.15:
        start = day(rng, referral, 10)
        yield "        <Section47>\n"
        yield tag("S47ActualStartDate", start, 10)
        yield tag("InitialCPCtarget", start + timedelta(days=15), 10)
        if protected:
            yield tag("DateOfInitialCPC", start + timedelta(days=14), 10)
        yield tag("ICPCnotRequired", "false", 10)
        yield "        </Section47>\n"
    yield tag("ReferralNFA", "true" if rng.random() < 0.09 else "false", 8)
    if protected:
        start = day(rng, referral, 40)
        yield "        <ChildProtectionPlans>\n"
        yield tag("CPPstartDate", start, 10)
        yield tag("InitialCategoryOfAbuse", rng.choice(CATEGORIES), 10)
        yield tag("LatestCategoryOfAbuse", rng.choice(CATEGORIES), 10)
        yield tag("NumberOfPreviousCPP", rng.choice([0, 0, 0, 1, 2]), 10)
        yield "          <Reviews>\n"
        for months in range(rng.randint(1, 3)):
            yield tag("CPPreviewDate", start + timedelta(days=90 + 180 * months), 12)
        yield "          </Reviews>\n"
        yield "        </ChildProtectionPlans>\n"
    yield "      </CINdetails>\n"


def child(rng: random.Random, number: int) -> Iterator[str]:
    yield "    <Child>\n"
    yield "      <ChildIdentifiers>\n"
    yield tag("LAchildID", f"C{number:08d}", 8)
    yield tag("UPN", f"A{rng.randrange(10**12):012d}", 8)
    yield tag("PersonBirthDate", day(rng, date(1999, 4, 1), 6570), 8)
    yield tag("GenderCurrent", rng.choice("12"), 8)
    yield "      </ChildIdentifiers>\n"
    yield "      <ChildCharacteristics>\n"
    yield tag("Ethnicity", rng.choice(ETHNICITIES), 8)
    if rng.random() < 0.1:
        yield "        <Disabilities>\n"
        yield tag("Disability", rng.choice(DISABILITIES), 10)
        yield "        </Disabilities>\n"
    yield "      </ChildCharacteristics>\n"
    for _ in range(rng.choice(EPISODES)):
        yield from episode(rng)
    yield "    </Child>\n"


def write_file(path: Path, children: int, seed: int = 2017) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="utf-8"?>\n<Message>\n  <Header>\n'
            "    <CollectionDetails>\n      <Collection>CIN</Collection>\n"
            "      <Year>2017</Year>\n      <ReferenceDate>2017-03-31</ReferenceDate>\n"
            "    </CollectionDetails>\n    <Source>\n      <SourceLevel>L</SourceLevel>\n"
            "      <LEA>999</LEA>\n    </Source>\n  </Header>\n  <Children>\n"
        )
        for number in range(1, children + 1):
            out.write("".join(child(rng, number)))
        out.write("  </Children>\n</Message>\n")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("children", type=int, nargs="?", default=400_000)
    parser.add_argument("--keep", type=Path, help="write the file here and keep it")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = options.keep or Path(scratch) / "cin.xml"
        began = time.perf_counter()
        write_file(path, options.children)
        written = time.perf_counter() - began
        size_mb = path.stat().st_size / 2**20
        print(f"wrote {options.children:,} children, {size_mb:,.0f} MB, in {written:.1f} s")
        rss_before = peak_rss_mb()
        began, cpu_began = time.perf_counter(), time.process_time()
        tables = parse(path, "2016-17")
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    rows = ", ".join(f"{name} {table.num_rows:,}" for name, table in tables.items())
    print(f"rows: {rows}")
    print(
        f"parsed in {seconds:.2f} s ({cpu:.2f} s of CPU): {options.children / seconds:,.0f} "
        f"children/s; peak RSS {peak_rss_mb():,.0f} MB (before parsing {rss_before:,.0f} MB)"
    )


if __name__ == "__main__":
    main()
