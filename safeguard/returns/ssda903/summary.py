"""What `safeguard returns` says about an SSDA903 return it has read or written."""

from safeguard.returns.ssda903.read import ReadReturn
from safeguard.returns.ssda903.write import Written

# The dataset's looked-after tables, as a person names them.
READ_TABLES = {
    "children": "children",
    "cla_episodes": "episodes of care",
    "cla_reviews": "reviews",
    "missing_episodes": "missing and away episodes",
}


def read_summary(read: ReadReturn) -> list[str]:
    form = "CSV files" if read.form == "CSV" else "XML"
    codes = f"the {read.year} codes" if read.year else "the codes of any year's return"
    lines = [
        f"Read {read.name}: an SSDA903 return ({form}) for council "
        f"{read.dataset.councils()[0] if read.dataset.councils() else '(none)'}, checked "
        f"against {codes}."
    ]
    lines += [f"  {label}: {read.dataset[name].num_rows}" for name, label in READ_TABLES.items()]
    if read.left_out:
        lines.append(
            "Not kept, as the journey dataset has no place for them: "
            + ", ".join(f"{n} {label}" for label, n in read.left_out.items())
        )
    return lines


def written_summary(written: Written) -> list[str]:
    rows = written.rows
    form = "XML" if written.form == "xml" else "CSV files"
    lines = [
        f"Wrote {written.path}: the {written.year} SSDA903 return of council {written.la} "
        f"({form}: {', '.join(written.files)}): {_count(rows['Header'], 'child', 'children')}, "
        f"{_count(rows['Episodes'], 'episode', 'episodes')}, "
        f"{_count(rows['Reviews'], 'review', 'reviews')}, "
        f"{_count(rows['Missing'], 'missing or away episode', 'missing or away episodes')}."
    ]
    if written.sex_not_said:
        lines.append(
            f"{_count(written.sex_not_said, 'child is', 'children are')} recorded as neither "
            "male nor female, which the return has no code for: SEX was left blank."
        )
    return lines


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
