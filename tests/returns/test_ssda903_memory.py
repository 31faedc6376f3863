"""The SSDA903 XML reader streams: a file of 100,000 children is read in a small, bounded amount
of memory."""

import json
import subprocess
import sys
from pathlib import Path

CHILDREN = 100_000
CHILD = """  <CHILD>
    <HEADER>
      <CHILDID>C{n:08d}</CHILDID>
      <UPN>A{n:012d}</UPN>
      <SEX>2</SEX>
      <DOB>17/05/2010</DOB>
      <ETHNIC>WBRI</ETHNIC>
      <UASC/>
      <AREVIEW>
        <REVIEW>01/07/2016</REVIEW>
        <REVIEW_CODE>PN1</REVIEW_CODE>
      </AREVIEW>
      <MOTHER/>
      <MC_DOB/>
      <OC2><CONVICTED>0</CONVICTED><HEALTH_CHECK>1</HEALTH_CHECK></OC2>
    </HEADER>
    <EPISODE>
      <DECOM>01/06/2016</DECOM>
      <RNE>S</RNE>
      <LS>C2</LS>
      <CIN>N1</CIN>
      <PL>U6</PL>
      <PL_POST>HR1 1AA</PL_POST>
      <HOME_POST>HR2 2BB</HOME_POST>
      <URN>SC123456</URN>
      <PLACE_PROVIDER>PR1</PLACE_PROVIDER>
      <DEC/>
      <REC/>
      <REASON_PLACE_CHANGE/>
    </EPISODE>
  </CHILD>
"""
# Reads the file in a fresh interpreter and reports its peak resident memory before and after,
# so nothing else this test run has done counts.
MEASURE = """
import json, resource, sys
from safeguard.returns.ssda903.xml_read import read_xml
from pathlib import Path
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
before = peak()
raw = read_xml(Path(sys.argv[1]))
print(json.dumps({"before": before, "after": peak(), "children": raw.tables["Header"].num_rows}))
"""


def write_file(path: Path) -> None:
    with path.open("w") as out:
        out.write("<EXPSSDA903>\n")
        for start in range(0, CHILDREN, 1000):
            out.write("".join(CHILD.format(n=n) for n in range(start, start + 1000)))
        out.write("</EXPSSDA903>\n")


def test_a_file_of_100000_children_is_read_in_far_less_memory_than_the_file_takes(tmp_path):
    path = tmp_path / "big.xml"
    write_file(path)
    size = path.stat().st_size
    assert size > 70 * 2**20
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
    # A whole lxml tree of such a file takes several times the file; streaming keeps one child's
    # elements and a few thousand children's rows at a time, plus the Arrow tables.
    assert grown < size / 2, f"grew {grown / 2**20:.0f} MB reading {size / 2**20:.0f} MB"
    assert grown < 100 * 2**20, f"grew {grown / 2**20:.0f} MB"
