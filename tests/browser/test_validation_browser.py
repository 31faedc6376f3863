"""Issue: the CIN census validation rules, as a page for the performance analyst. In Chromium,
the analyst finds the page in the menu, is told what is missing, has an XML bomb refused on the
form, then uploads a census file, reads the rule it breaks and downloads the issues as CSV."""

from factories import PASSWORD, UserFactory
from playwright.sync_api import expect

BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
    "<Message><Header/><Children/></Message>\n"
)


def test_the_analyst_checks_a_census_file_and_downloads_its_issues(
    page, sign_in, assert_accessible, shared_data, settings, tmp_path
):
    settings.CIN_VALIDATION_DIR = tmp_path / "reports"
    UserFactory(role="performance_analyst", email="priya@council.example.org")
    sign_in(page, "priya@council.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="CIN census validation"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check a CIN census file")
    expect(page.get_by_text("Safeguard does not keep the file")).to_be_visible()

    page.get_by_role("button", name="Check the file").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Select a CIN census XML file")
    expect(summary).to_contain_text("Select which year’s rules to check the file against")
    expect(page).to_have_title("Error: Check a CIN census file – Safeguard")
    assert_accessible(page)

    bomb = tmp_path / "bomb.xml"
    bomb.write_text(BOMB)
    page.get_by_label("CIN census XML file").set_input_files(bomb)
    page.get_by_role("group", name="Which year’s rules?").get_by_label("2022-23").check()
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("alert")).to_contain_text("bomb.xml, line 2: the file has a DOCTYPE")
    assert_accessible(page)

    census = shared_data / "fixtures" / "cin" / "CIN_header_issues_100.xml"
    page.get_by_label("CIN census XML file").set_input_files(census)
    page.get_by_role("group", name="Which year’s rules?").get_by_label("2022-23").check()
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Issues in CIN_header_issues_100.xml")
    # The file's <ReferenceDate> is 2023-03-28, where the 2022-23 census ends on 2023-03-31.
    by_rule = page.get_by_role("table", name="Issues by rule")
    expect(by_rule.get_by_role("row", name="100")).to_contain_text("Reference Date is incorrect")
    assert_accessible(page)

    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download the issues as CSV").click()
    download = downloading.value
    assert download.suggested_filename == "cin-issues-2022-23-cin_header_issues_100.csv"
    assert '"100","error","Reference Date is incorrect"' in download.path().read_text()
