"""What `safeguard returns export annexa` says about the lists it wrote."""

from pathlib import Path

from safeguard.returns.annex_a.build import AnnexA


def written_summary(annex: AnnexA, out: Path) -> list[str]:
    windows = {str(built.window) for built in annex.lists}
    lines = [
        f"Wrote {out}: Ofsted Annex A lists 1 to 11 for council {annex.la}, "
        + ("; ".join(_windows(annex)) if len(windows) > 1 else next(iter(windows)))
        + "."
    ]
    for built in annex.lists:
        if built.unfilled:
            lines.append(f"  {built.spec}: no rows, headings only: {built.unfilled}")
        else:
            rows = len(built.rows)
            lines.append(f"  {built.spec}: {rows} {'row' if rows == 1 else 'rows'}")
    blank = [
        f"{built.spec.sheet}: {', '.join(built.blank)}" for built in annex.lists if built.blank
    ]
    if blank:
        lines.append("Left blank, as the journey dataset does not hold them:")
        lines += [f"  {line}" for line in blank]
    return lines


def _windows(annex: AnnexA) -> list[str]:
    """“lists 1 to 9: …; lists 10 and 11: …”, one part per run of lists with one window."""
    parts: list[tuple[int, int, str]] = []
    for built in annex.lists:
        said = str(built.window)
        if parts and parts[-1][2] == said:
            parts[-1] = (parts[-1][0], built.spec.number, said)
        else:
            parts.append((built.spec.number, built.spec.number, said))
    return [
        f"list {first}: {said}"
        if first == last
        else f"lists {first} {'and' if last == first + 1 else 'to'} {last}: {said}"
        for first, last, said in parts
    ]
