"""The reader streams: a file of 100,000 children is read in a small, bounded amount of memory."""

import json
import subprocess
import sys
from pathlib import Path

CHILDREN = 100_000
CHILD = """    <Child>
      <ChildIdentifiers>
        <LAchildID>C{n:08d}</LAchildID>
        <UPN>A{n:012d}</UPN>
        <PersonBirthDate>2010-05-17</PersonBirthDate>
        <GenderCurrent>2</GenderCurrent>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities>
          <Disability>NONE</Disability>
        </Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2016-06-01</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2016-06-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2016-07-10</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>3A</AssessmentFactors>
            <AssessmentFactors>4B</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <Section47>
          <S47ActualStartDate>2016-06-03</S47ActualStartDate>
          <InitialCPCtarget>2016-06-24</InitialCPCtarget>
          <DateOfInitialCPC>2016-06-20</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ReferralNFA>false</ReferralNFA>
      </CINdetails>
    </Child>
"""
# Reads the file in a fresh interpreter and reports its peak resident memory before and after,
# so nothing else this test run has done counts.
MEASURE = """
import json, resource, sys
from safeguard.returns.cin_xml.parse import parse
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
before = peak()
tables = parse(sys.argv[1], "2016-17")
print(json.dumps({"before": before, "after": peak(), "children": tables["children"].num_rows}))
"""


def write_file(path: Path) -> None:
    with path.open("w") as out:
        out.write(
            "<Message>\n  <Header><CollectionDetails><Year>2017</Year></CollectionDetails>"
            "<Source><LEA>884</LEA></Source></Header>\n  <Children>\n"
        )
        for start in range(0, CHILDREN, 1000):
            out.write("".join(CHILD.format(n=n) for n in range(start, start + 1000)))
        out.write("  </Children>\n</Message>\n")


def test_a_file_of_100000_children_is_read_in_far_less_memory_than_the_file_takes(tmp_path):
    path = tmp_path / "big.xml"
    write_file(path)
    size = path.stat().st_size
    assert size > 120 * 2**20
    measured = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    figures = json.loads(measured.stdout)
    assert figures["children"] == CHILDREN
    grown = figures["after"] - figures["before"]
    # A whole lxml tree of such a file takes about seven times the file; streaming keeps one
    # child's elements and a few thousand children's rows at a time, plus the Arrow tables.
    assert grown < size / 2, f"grew {grown / 2**20:.0f} MB reading {size / 2**20:.0f} MB"
    assert grown < 120 * 2**20, f"grew {grown / 2**20:.0f} MB"
