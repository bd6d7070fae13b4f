"""Disagreements: figures of one incident and category whose counts differ between sources."""

from __future__ import annotations

from spacy.tokens import Doc

from ...provenance import denied
from ..figures import disagreement_about, figure_source_key, figure_source_keys


def incident_disagreements(doc: Doc, figures: list[dict]) -> list[dict]:
    """One disagreement per incident, category and unit where two figures from different
    sources give different counts; none is picked. Cumulative tolls, figures with no incident and
    figures from a report its speaker denies are left out."""
    reports = {a["id"]: a for a in doc._.el_attributions or ()}
    places = {p["id"]: p for p in doc._.el_places or ()}
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for figure in figures:
        if figure.get("incident") and not figure.get("cumulative") and not denied(
            figure, reports
        ):
            groups.setdefault(
                (figure["incident"], figure["category"], figure.get("unit", "people")), []
            ).append(figure)
    source_keys = figure_source_keys(doc)
    result = []
    for (incident, _category, _unit), members in groups.items():
        keyed = [(figure_source_key(source_keys, f["attribution"]),
                  (f["count"]["low"], f["count"]["high"], f["count"]["exact"]))
                 for f in members]
        if not any(a[0] != b[0] and a[1] != b[1] for a in keyed for b in keyed):
            continue
        result.append({"id": f"D{len(result) + 1}", "about": disagreement_about(members, places),
                       "incident": incident, "figures": [f["id"] for f in members]})
    return result
