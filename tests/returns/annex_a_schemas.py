"""shared/data/schemas/annex_a's YAML files read by their layout (the project has no YAML
parser): lists four spaces in, their columns eight, anchors (&name) and aliases (*name)."""

import re
from pathlib import Path

LIST = re.compile(r"^ {4}(List \d+):\s*$")
COLUMN = re.compile(r"^ {8}(?:\"(.+)\"|([^\s\"].*?)):\s*(?:\*(\S+))?\s*$")
ANCHOR = re.compile(r"^\s+&(\S+)\s*$")
CODE = re.compile(r"^\s+- code: (.+?)\s*(?:#.*)?$")
PATTERN = re.compile(r"^\s+- (/.*/)([a-z]*)\s*$")


def _unquote(text: str) -> str:
    return text[1:-1] if text[:1] == text[-1:] and text[:1] in "'\"" else text


def _columns(path: Path, item: re.Pattern) -> dict[str, dict[str, list[str]]]:
    """{list: {column: [items]}}: each column's `item` lines, its alias's when it has one."""
    lists: dict[str, dict[str, list[str]]] = {}
    anchors: dict[str, list[str]] = {}
    current: list[str] | None = None
    name = ""
    for line in path.read_text().splitlines():
        if match := LIST.match(line):
            name = match[1]
            lists[name] = {}
            current = None
        elif name and (match := COLUMN.match(line)):
            column = match[1] or match[2]
            current = anchors.get(match[3], []) if match[3] else []
            lists[name][column] = current
        elif current is not None and (match := ANCHOR.match(line)):
            anchors[match[1]] = current
        elif current is not None and (match := item.match(line)):
            current.append(match[1] + match[2] if item is PATTERN else _unquote(match[1]))
    return lists


def answer_codes(shared_data: Path) -> dict[str, dict[str, list[str]]]:
    """data-map.yml: each list's columns and the answer codes they take."""
    return _columns(shared_data / "schemas" / "annex_a" / "data-map.yml", CODE)


def merge_columns(shared_data: Path) -> dict[str, dict[str, list[str]]]:
    """annex-a-merge.yml: each list's columns and the patterns that recognise their headings."""
    return _columns(shared_data / "schemas" / "annex_a" / "annex-a-merge.yml", PATTERN)


def recognised(heading: str, column: str, patterns: list[str]) -> bool:
    if heading.strip().lower() == column.strip().lower():
        return True
    for pattern in patterns:
        body, _, flags = pattern[1:].rpartition("/")
        if re.search(body, heading, re.IGNORECASE if "i" in flags else 0):
            return True
    return False
