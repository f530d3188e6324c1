"""Numbers in addresses that no database row can carry answer 404, not 500.

`<int:…>` accepts any run of digits; an id of 400 digits then reaches the database,
which cannot hold it (SQLite raises OverflowError, PostgreSQL an error of its own).
The check runs for every view, Wagtail's admin and API included.
"""

from django.http import Http404

LARGEST_ID = 2**63 - 1  # a bigint, the widest key column


class OutOfRangeIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and not -LARGEST_ID <= value <= LARGEST_ID:
                raise Http404("No such address.")
        return None
