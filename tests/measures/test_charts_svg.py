"""The dashboard's trend charts: SVG drawn on the server, one titled image each, and nothing the
page's content security policy would block."""

import re
from xml.etree import ElementTree

from safeguard.measures.charts import accessible, trend_svg

SVG = "{http://www.w3.org/2000/svg}"
LINES = {
    "Herefordshire": [("2014-15", 40.0), ("2015-16", None), ("2016-17", 31.9)],
    "England": [("2014-15", 43.1), ("2015-16", 43.1), ("2016-17", 43.3)],
}


def test_a_trend_chart_is_one_image_with_its_title():
    title = "Plans per 10,000: Herefordshire by year"
    svg = trend_svg("chart-cpp_rate", title, "per 10,000", LINES)

    root = ElementTree.fromstring(svg)  # noqa: S314 - our own chart
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    shown = root.find(f"{SVG}title")
    assert shown.text == title
    assert root.get("aria-labelledby") == shown.get("id") == "chart-cpp_rate-title"


def test_a_trend_chart_has_no_inline_styles_and_no_roles_inside_the_image():
    svg = trend_svg("chart-x", "A measure", "per cent", LINES)

    assert " style=" not in svg
    inner = svg[svg.index("</title>") :]
    assert re.search(r"\s(role|aria-[a-z]+)=", inner) is None


def test_a_trend_chart_takes_the_width_of_its_column():
    svg = trend_svg("chart-x", "A measure", "per cent", LINES)

    root = ElementTree.fromstring(svg)  # noqa: S314 - our own chart

    assert root.get("width") is None and root.get("height") is None
    assert root.get("viewBox")


def test_a_style_attribute_becomes_the_presentation_attributes_it_stands_for():
    svg = '<svg viewBox="0 0 10 10"><text style="fill: #000; font-size: 10px">1</text></svg>'

    made = accessible(svg, "c", "Title & more")

    assert '<text fill="#000" font-size="10px">1</text>' in made
    assert '<title id="c-title">Title &amp; more</title>' in made
