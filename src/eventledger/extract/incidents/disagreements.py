"""Disagreements: figures of one incident and category whose counts differ between sources."""

from __future__ import annotations

from spacy.tokens import Doc

from ...provenance import denied
from ...tolls import tolls
from ..figures import disagreement_about, figure_source_keys, sources_disagree


def incident_disagreements(doc: Doc, figures: list[dict]) -> list[dict]:
    """One disagreement per incident, category and unit where two figures from different
    sources give different counts; none is picked. Cumulative tolls, figures with no incident,
    figures from a report its speaker denies and parts of a toll (a named victim beside a
    toll: :mod:`eventledger.extract.toll_parts`) are left out."""
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
    source_keys = figure_source_keys(doc._.el_attributions or [])
    result = []
    for (incident, _category, _unit), found in groups.items():
        members = tolls(found)  # a named victim or a breakdown is no lower toll
        if not sources_disagree(source_keys, members):
            continue
        result.append({"id": f"D{len(result) + 1}", "about": disagreement_about(members, places),
                       "incident": incident, "figures": [f["id"] for f in members]})
    return result
