"""Malformed input to Wagtail's admin answers 400 (or 404), not a server error.

Wagtail's admin views trust the shape of what its own pages send them: ids in
addresses and query strings, the StreamField counters and the JSON of the page
editor. A hand-made request that breaks that shape makes a
few of them raise ValueError and the like deep inside Wagtail (a chooser widget
looking up the page it should show, a formset reading its ids), which Django
answers 500. The site does not patch Wagtail: for the views below, and only for
the exceptions that such input makes them raise, the answer is the site's 400
page, or 404 where an id names nothing. Django logs it as a bad request with its
traceback, so a genuine fault there stays visible in the logs. A `next` address
that Wagtail would only fail on after acting is refused before the view runs.

The site's own views validate what they read (forms, `kb.navigation`); this
list is for Wagtail's, and a hostile-values test (tests/test_fuzz.py) requests
every address of both.
"""

import re

from django.core.exceptions import BadRequest, ObjectDoesNotExist, ValidationError
from django.core.paginator import InvalidPage
from django.http import Http404

from kb.security import admin_prefix

# (view names, exceptions that malformed input makes these views raise, what they trust)
MALFORMED_INPUT = [
    (
        r"wagtailadmin_pages:(add|edit|revisions_revert)",
        (KeyError, ValueError, AttributeError),
        "the page editor reads StreamField counters and JSON fields as its page wrote them",
    ),
    (
        r"\w+:chosen",
        (ValueError,),
        "a chooser looks up the id of its address as it is, letters included",
    ),
    (
        r"wagtailadmin_choose_page_chosen_multiple",
        (ValueError,),
        "the page ids of the query string are looked up unchecked",
    ),
    (
        r"wagtailadmin_pages:(copy|move)",
        (KeyError, ValueError, ObjectDoesNotExist, OverflowError),
        "the new parent page is looked up as sent, and shown again in the form as sent",
    ),
    (
        r"wagtailadmin_workflows:(add|edit)",
        (ValueError, ValidationError, InvalidPage),
        "the workflow's formsets of pages and tasks, and its page number, are read unchecked",
    ),
]
NOT_FOUND = (ObjectDoesNotExist, OverflowError, InvalidPage)


def is_malformed_input(view_name, error):
    return any(
        re.fullmatch(views, view_name) and isinstance(error, exceptions)
        for views, exceptions, _ in MALFORMED_INPUT
    )


class MalformedAdminInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A `next` that redirect() would take for the name of a view is refused up front.

        Wagtail's views act first (delete, unpublish…) and then redirect to `next`;
        redirect() reads a word without '/' or '.', such as '0', as the name of a view
        and fails once the action is done.
        """
        if not request.path_info.startswith(admin_prefix()):
            return None
        values = request.GET.getlist("next")
        if request.method == "POST":
            values += request.POST.getlist("next")
        for value in values:
            if value and "/" not in value and "." not in value:
                raise BadRequest("`next` is not an address.")
        return None

    def process_exception(self, request, exception):
        match = request.resolver_match
        if match is None or not is_malformed_input(match.view_name, exception):
            return None
        if isinstance(exception, NOT_FOUND):
            raise Http404("No such object.") from exception
        raise BadRequest("Malformed input.") from exception
