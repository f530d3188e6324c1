"""The dashboard's figures as tables: one definition serves the page, its charts and the CSV.

A withheld figure (fewer than five people) is None, shown « moins de 5 » and
left empty in the CSV.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Locale

from kb.models import Region, Theme
from kb.models.taxonomy import localized_terms
from practices.models import PracticeSheetPage
from practices.observatory import aggregates, sources
from practices.observatory.charts import bar_chart


@dataclass
class Table:
    slug: str
    caption: str
    headers: list[str]
    rows: list[list]
    chart: object = None
    notes: list[str] = field(default_factory=list)

    def grouped_rows(self):
        """(span, row) pairs for the page: consecutive rows of one group (an indicator's
        theme, region or state, one row per unit) share one row heading, which spans them;
        span is 0 for the rows under a heading above. The CSV keeps one heading per row."""
        grouped = []
        heading = None
        for row in self.rows:
            if heading is not None and row[0] == heading[1][0]:
                heading[0] += 1
                grouped.append([0, row])
            else:
                heading = [1, row]
                grouped.append(heading)
        return [(span, row) for span, row in grouped]


NOT_COMPUTABLE = "—"


def shown(value, decimals=0):
    """A figure for the table; « — » when it cannot be computed (no None: that means withheld).

    A whole number is written without decimals: 379 people, never « 379,0 ».
    """
    if value is None:
        return NOT_COMPUTABLE
    rounded = round(float(value), decimals)
    if rounded == int(rounded):
        return number_format(int(rounded), 0)
    return number_format(rounded, decimals)


def funnel_table(selection):
    rows = aggregates.status_funnel(selection)
    return Table(
        "avancement",
        _("Fiches action par état d’avancement"),
        [_("État"), _("Fiches à cet état"), _("Fiches ayant atteint cet état")],
        [[capfirst(row["label"]), row["count"], row["reached"]] for row in rows],
        chart=bar_chart(
            [(capfirst(row["label"]), row["reached"], str(row["reached"])) for row in rows]
        ),
    )


def unit_names(reading_locale):
    """Indicator units as translators wrote them in `reading_locale`, by source unit.

    The observatory counts source-language pages, so its units are the source's; a
    unit some translated page renders in the reader's language is shown that way.
    """
    names = {}
    if reading_locale == Locale.get_default():
        return names
    for model in aggregates.INDICATOR_MODELS.values():
        translated = dict(
            model.objects.filter(locale=reading_locale).values_list("translation_key", "unit")
        )
        sources = model.objects.filter(
            locale=Locale.get_default(), translation_key__in=list(translated)
        ).values_list("translation_key", "unit")
        for key, unit in sources:
            names.setdefault(unit.strip().casefold(), translated[key].strip())
    return names


def rollup_table(selection, dimension, caption, labels, units):
    rollups = aggregates.indicator_rollups(selection, dimension, labels)
    for row in rollups:
        row.unit = units.get(row.unit.casefold(), row.unit)
    rows = [
        [
            row.label,
            row.unit or _("sans unité"),
            row.indicators,
            shown(row.shown_baseline, 1),
            shown(row.shown_latest, 1),
            shown(row.shown_target, 1),
            NOT_COMPUTABLE if row.progress_percent is None else row.progress_percent,
        ]
        for row in rollups
    ]
    chart_rows = [
        (
            f"{row.label} ({row.unit or '—'})",
            row.progress_percent,
            f"{shown(row.progress_percent)} %",
        )
        for row in rollups
        if row.progress_percent is not None
    ]
    return Table(
        f"indicateurs-{dimension}",
        caption,
        [
            _("Groupe"),
            _("Unité"),
            _("Indicateurs"),
            _("Départ"),
            _("Dernière valeur"),
            _("Cible"),
            _("Progression vers la cible (%)"),
        ],
        rows,
        chart=bar_chart(chart_rows[:12]) if chart_rows else None,
        notes=[
            _(
                "Les indicateurs d’unités différentes restent sur des lignes séparées. Les valeurs "
                "en pourcentage sont des moyennes, les autres des sommes, sur les indicateurs qui "
                "ont un départ, une cible et une dernière valeur."
            )
        ],
    )


def years_table(selection):
    rows = aggregates.yearly_progress(selection)
    return Table(
        "releves-annuels",
        _("Relevés d’indicateurs par année"),
        [_("Année"), _("Relevés"), _("Progression moyenne vers la cible (%)")],
        [[row["year"], row["readings"], shown(row["percent"])] for row in rows],
        chart=bar_chart(
            [(row["year"], row["percent"], f"{shown(row['percent'])} %") for row in rows]
        ),
    )


def training_table(locale):
    rows = aggregates.training_years(locale)
    return Table(
        "formations",
        _("Formations croisées réalisées par année"),
        [_("Année"), _("Sessions"), _("Structures d’accueil"), _("Places"), _("Participants")],
        [
            [row["year"], row["sessions"], row["hosts"], row["seats"], row["participants"]]
            for row in rows
        ],
        chart=bar_chart([(row["year"], row["seats"], str(row["seats"])) for row in rows]),
        notes=[_("Un nombre de participants inférieur à 5 n’est pas affiché.")],
    )


def capitalisation_table(locale):
    figures = aggregates.capitalisation(locale)
    rows = []
    for source in sources.sources():
        items, published = figures["sources"].get(source.key, (None, None))
        rows += [[source.label, items], [_("… dont fiches publiées"), published]]
    median_days = figures["median_days"]
    rows.append(
        [
            _("Délai médian entre soumission et publication (jours)"),
            None if median_days is None else shown(median_days, 1),
        ]
    )
    return Table(
        "capitalisation",
        _("Capitalisation des échanges"),
        [_("Mesure"), _("Valeur")],
        rows,
        notes=[source.note for source in sources.sources() if source.note],
    )


def dashboard_tables(selection, reading_locale):
    themes = {pk: term.label for pk, term in localized_terms(Theme, reading_locale.pk).items()}
    regions = {region.code: region.display_name for region in Region.objects.all()}
    statuses = {value: capfirst(label) for value, label in PracticeSheetPage.Status.choices}
    units = unit_names(reading_locale)
    return [
        funnel_table(selection),
        rollup_table(selection, "theme", _("Indicateurs par thème"), themes, units),
        rollup_table(selection, "region", _("Indicateurs par région"), regions, units),
        rollup_table(selection, "status", _("Indicateurs par état d’avancement"), statuses, units),
        years_table(selection),
        training_table(selection.locale),
        capitalisation_table(selection.locale),
    ]
