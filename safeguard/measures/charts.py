"""Trend charts drawn on the server as SVG (Altair and vl-convert), fit to put in a page.

The page's content security policy allows no inline styles, so any style attribute is turned into
the SVG presentation attributes it stands for. Vega's own ARIA markup is taken out: the chart is
one image (role="img" with a <title>), and the data table beside it is the accessible equivalent.
"""

import re
from html import escape

import altair as alt
import vl_convert

# GOV.UK colours; each line also has its own dash and point shape, so colour is never the only
# way to tell the lines apart.
COLOURS = ["#1d70b8", "#505a5f", "#912b88", "#00703c"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]
SHAPES = ["circle", "square", "triangle-up", "diamond"]

_STYLE = re.compile(r'\sstyle="([^"]*)"')
_VEGA_ARIA = re.compile(r'\s(?:role|aria-[a-z]+)="[^"]*"')
_ROOT = re.compile(r"<svg\b([^>]*)>")
_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')


def trend_svg(
    chart_id: str, title: str, axis: str, lines: dict[str, list[tuple[str, float | None]]]
) -> str:
    """A line per series over the years (a gap where a value is missing or suppressed)."""
    names = list(lines)
    rows = [
        {"year": year, "series": name, "value": value}
        for name, points in lines.items()
        for year, value in points
    ]
    years = sorted({row["year"] for row in rows})

    def scale(values: list) -> alt.Scale:
        return alt.Scale(domain=names, range=values[: len(names)])

    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(point=True, invalid="break-paths-show-domains")
        .encode(
            x=alt.X("year:O", title=None, sort=years, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=axis),
            color=alt.Color(
                "series:N", scale=scale(COLOURS), legend=alt.Legend(orient="bottom", title=None)
            ),
            strokeDash=alt.StrokeDash("series:N", scale=scale(DASHES), legend=None),
            shape=alt.Shape("series:N", scale=scale(SHAPES), legend=None),
        )
        .properties(width=260, height=150)
        .configure(font="Arial, sans-serif")
        .configure_axis(labelFontSize=12, titleFontSize=12)
        .configure_legend(labelFontSize=12, labelLimit=200)
    )
    return accessible(vl_convert.vegalite_to_svg(chart.to_dict()), chart_id, title)


def accessible(svg: str, chart_id: str, title: str) -> str:
    """The SVG as one titled image, without inline styles, sized by its container."""
    svg = _STYLE.sub(lambda m: _presentation(m.group(1)), svg)
    svg = _VEGA_ARIA.sub("", svg)

    def root(match: re.Match) -> str:
        attributes = _SIZE.sub("", match.group(1))
        title_id = f"{chart_id}-title"
        return (
            f'<svg{attributes} role="img" aria-labelledby="{title_id}" focusable="false">'
            f'<title id="{title_id}">{escape(title)}</title>'
        )

    return _ROOT.sub(root, svg, count=1)


def _presentation(style: str) -> str:
    attributes = []
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        if name.strip() and value.strip():
            attributes.append(f' {name.strip()}="{escape(value.strip())}"')
    return "".join(attributes)
