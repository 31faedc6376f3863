"""The smallest end-to-end check: Chromium shows the sign-in page and it passes axe."""

from playwright.sync_api import expect


def test_sign_in_page_renders_and_is_accessible(page, assert_accessible):
    response = page.goto("/sign-in/")
    assert response is not None and response.ok, response and response.status
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    assert_accessible(page)
