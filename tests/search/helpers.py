"""Reading the search page as a visitor does: result titles, facet values, messages."""

from tests.kb.helpers import html, text_of

__all__ = ["facet", "html", "plain", "promoted_titles", "result_titles", "text_of"]


def plain(element):
    """Visible text of an element, marks and line breaks read as a person reads them."""
    return " ".join(element.get_text().split())


def result_titles(response):
    results = html(response).find(id="search-results")
    return [plain(a) for a in results.select(".fr-card__title a")] if results else []


def promoted_titles(response):
    picks = html(response).find(id="promoted-results")
    return [plain(a) for a in picks.select(".fr-card__title a")] if picks else []


def facet(response, name):
    """{label: (count, selected)} of one facet, nested values included."""
    section = html(response).find("section", attrs={"aria-labelledby": f"facet-{name}"})
    values = {}
    for link in section.find_all("a") if section else []:
        for hint in link.find_all(class_="fr-sr-only"):
            hint.decompose()
        count = link.find("span", class_="fr-text--xs")
        label = plain(link).removesuffix(plain(count)).strip()
        values[label] = (int(plain(count).strip("()")), link.has_attr("aria-current"))
    return values
