"""The spaces can be found: from the menu on every page and from the home page's tile."""

import pytest
from bs4 import BeautifulSoup


@pytest.mark.parametrize(("home", "spaces"), [("/", "/espaces/"), ("/en/", "/en/espaces/")])
def test_the_menu_and_the_home_tile_lead_to_the_spaces(
    client, home_page_fr, home_page_en, home, spaces
):
    soup = BeautifulSoup(client.get(home).content, "html.parser")
    menu_links = [a["href"] for a in soup.select("#fr-navigation a")]
    tile_links = [a["href"] for a in soup.select(".fr-tile a")]

    assert spaces in menu_links
    assert spaces in tile_links


def test_the_menu_marks_the_spaces_as_the_current_section(client, db):
    soup = BeautifulSoup(client.get("/espaces/").content, "html.parser")

    current = soup.select_one('#fr-navigation a[aria-current="page"]')

    assert current["href"] == "/espaces/"
