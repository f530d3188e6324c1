"""Reading rendered pages the way a user does: visible text, field errors, values."""

import re

from bs4 import BeautifulSoup


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    """The visible text of the page's main region, whitespace collapsed."""
    main = html(response).find("main") or html(response)
    return re.sub(r"\s+", " ", main.get_text(" ")).strip()


def field_errors(response, name):
    """Error messages displayed under the field called `name`."""
    group = html(response).find(id=f"id_{name}-messages")
    return [p.get_text(strip=True) for p in group.find_all("p")] if group else []


def input_value(response, name):
    field = html(response).find(attrs={"name": name})
    if field.name == "select":
        selected = field.find("option", selected=True)
        return selected["value"] if selected else None
    return field.get("value")
