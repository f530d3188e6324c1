"""The admin's chooser of a région or a département: every one on one page, in
alphabetical order (« Île-de-France » under I), with a search by name or number.

Wagtail's snippet chooser shows ten per page in the order of their codes, and
searches only models kept in its search index, which territories are not.
"""

from django import forms
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)

from kb.models.taxonomy import sort_key


class TerritorySearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Nom ou numéro"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Nom ou numéro")}),
    )

    def filter(self, objects):
        """Matching territories by name, as read (accents and case aside), or by code."""
        query = sort_key(self.cleaned_data.get("q") or "").strip()
        territories = sorted(objects, key=lambda territory: sort_key(territory.display_name))
        if query:
            self.is_searching = True
            self.search_query = query
            territories = [
                territory
                for territory in territories
                if query in sort_key(f"{territory.name} {territory.name_en}")
                or territory.code.casefold().startswith(query)
            ]
        if not territories:
            return objects.none()
        order = Case(*(When(pk=t.pk, then=index) for index, t in enumerate(territories)))
        return objects.filter(pk__in=[t.pk for t in territories]).order_by(order)


class TerritorySearchMixin:
    filter_form_class = TerritorySearchForm


class TerritoryChooseView(TerritorySearchMixin, ChooseView):
    pass


class TerritoryChooseResultsView(TerritorySearchMixin, ChooseResultsView):
    pass


class TerritoryChooserViewSet(SnippetChooserViewSet):
    choose_view_class = TerritoryChooseView
    choose_results_view_class = TerritoryChooseResultsView
