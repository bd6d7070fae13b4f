"""Readable views of stored records: one document with its evidence, a store summary."""

from __future__ import annotations

from . import provenance
from .provenance import evidence_sentence
from .units import unit_of


def source_chain(record: dict, attribution_id: str | None) -> str:
    """``"Channel 12 <- hospital sources"``; the outlet (or "the outlet") when the record
    states it in its own voice."""
    attribution = next((a for a in record["attributions"] if a["id"] == attribution_id), None)
    if attribution is None:
        return f"{record['document'].get('outlet') or 'the outlet'} (own voice)"
    # The outlet heads the document view already: the chain stops at who carried it.
    return provenance.source_chain(attribution, None)


def _count(count: dict) -> str:
    if count["exact"]:
        return str(count["low"])
    low, high = count["low"], count["high"]
    bounds = f"{low if low is not None else '?'}-{high if high is not None else ''}"
    return f"{count['text']!s} ({bounds})"


def _who(figure: dict) -> str:
    """" people" for the figure's who, nothing when who is the count itself ("30 were")."""
    who = figure["who"]
    if not who or who["start"] == figure["count"]["start"]:
        return ""
    return f" {who['text']}"


def _unit(figure: dict) -> str:
    """ "  [families]": what the count counts, people included, so that counts of
    different units are never read as one."""
    return f"  [{unit_of(figure)}]"


def _place_name(record: dict, ref: dict | None) -> str:
    name = provenance.place_name({p["id"]: p for p in record["places"]}, ref)
    return f" in {name}" if name else ""


def _disagreement_lines(record: dict, heading: str) -> list[str]:
    """Each disagreement under ``heading`` (formatted with its id and about), then its
    figures side by side with their source chains; none is marked as right."""
    figures = {f["id"]: f for f in record["figures"]}
    lines = []
    for d in record["disagreements"]:
        lines.append(heading.format(id=d["id"], about=d["about"]))
        for fid in d["figures"]:
            if fid in figures:
                figure = figures[fid]
                lines.append(f"      {_count(figure['count']):>14}  "
                             f"{source_chain(record, figure['attribution'])}{_unit(figure)}")
    return lines


def _incident_tag(item: dict) -> str:
    """`` [I1]`` for the incident an event or figure belongs to, `` [cumulative]`` for a toll
    over a period; nothing for records stored before incidents."""
    if item.get("cumulative"):
        return " [cumulative]"
    return f" [{item['incident']}]" if item.get("incident") else ""


def _incident_lines(record: dict) -> list[str]:
    incidents = record.get("incidents") or []
    if not incidents:
        return []
    lines = ["", f"incidents ({len(incidents)})"]
    for incident in incidents:
        lines.append(f"  {incident['id']} {incident['type']}"
                     f"{_place_name(record, incident['location'])} {incident['date'] or ''}"
                     .rstrip())
        lines.append(f"      events: {', '.join(incident['events']) or '-'}; "
                     f"figures: {', '.join(incident['figures']) or '-'}")
    return lines


def format_record(record: dict, *, near_duplicates=()) -> str:
    doc = record["document"]
    text = doc["text"]
    lines = [
        f"document {doc['id']}  {doc.get('published') or 'date unknown'}  "
        f"{doc.get('outlet') or ''}  {doc.get('title') or ''}".rstrip(),
        f"  from {doc.get('path') or doc.get('url') or '-'}",
    ]
    for other, similarity in near_duplicates:
        lines.append(f"  near-duplicate of {other} (similarity {similarity:.2f})")
    lines.append("")
    lines.append(f"attributions ({len(record['attributions'])})")
    for a in record["attributions"]:
        source = a["source"]["name"] if a["source"] else "unnamed source"
        cue = a["cue"]["text"] if a["cue"] else ""
        lines.append(f"  {a['id']} [{a['kind']}] {source} {cue}: “{a['content']['text']}”")
        if a["cites"]:
            lines.append("      citing " + ", ".join(c["name"] or c["text"] for c in a["cites"]))
        if a["cited_by"]:
            lines.append("      carried by " + ", ".join(c["name"] or c["text"] for c in a["cited_by"]))
        if a["channel"]:
            lines.append(f"      channel: {a['channel']['text']}")
    lines.append("")
    lines.append(f"events ({len(record['events'])})")
    for e in record["events"]:
        flags = [f for f in ("negated", "hypothetical") if e[f]]
        who = (e["actor"]["name"] if e["actor"] else "?") + " -> " + (
            e["recipient"]["name"] if e["recipient"] else "?")
        lines.append(f"  {e['id']} {e['type']}{'/' + e['mode'] if e['mode'] else ''} "
                     f"'{e['trigger']['text']}' {who}{_place_name(record, e['location'])} "
                     f"{e['date'] or ''} {' '.join(flags)}".rstrip() + _incident_tag(e))
        lines.append(f"      source: {source_chain(record, e['attribution'])}")
        lines.append(f"      evidence: {evidence_sentence(text, e['trigger']['start'], e['trigger']['end'])}")
    lines.append("")
    lines.append(f"figures ({len(record['figures'])})")
    for f in record["figures"]:
        lines.append(f"  {f['id']} {f['category']} {_count(f['count'])}"
                     f"{_who(f)}{_place_name(record, f['location'])}{_unit(f)}"
                     f"{_incident_tag(f)}")
        lines.append(f"      source: {source_chain(record, f['attribution'])}")
        lines.append(f"      evidence: {evidence_sentence(text, f['count']['start'], f['trigger']['end'])}")
    lines.extend(_incident_lines(record))
    if record["disagreements"]:
        lines.append("")
        lines.append(f"sources disagree ({len(record['disagreements'])})")
        lines.extend(_disagreement_lines(record, "  {id} {about}:"))
    lines.append("")
    lines.append("places: " + ", ".join(
        f"{p['text']} -> {p['name']} ({p['country'] or '?'}, {p['lat']:.2f}, {p['lon']:.2f})"
        for p in record["places"]))
    return "\n".join(lines)


def shorten(text: str, width: int = 90) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_summary(store, *, limit: int = 10) -> str:
    """Store counts, then for up to ``limit`` documents their attributions, figures with
    source chains, and where sources disagree."""
    counts = store.counts()
    lines = ["store: " + ", ".join(f"{n} {name}" for name, n in counts.items())]
    for shown, record in enumerate(store.iter_records()):
        if shown >= limit:
            lines.append(f"... ({counts.get('documents', 0) - limit} more documents: "
                         "eventledger show DOC_ID)")
            break
        doc = record["document"]
        lines.append("")
        lines.append(f"{doc['id']}  {doc.get('published') or 'date unknown'}  "
                     f"{doc.get('outlet') or ''}  {doc.get('title') or doc.get('path') or ''}")
        for other, similarity in store.near_duplicates(doc["id"]):
            lines.append(f"  near-duplicate of {other} (similarity {similarity:.2f})")
        for a in record["attributions"]:
            source = (a["source"].get("name") or a["source"]["text"]) if a["source"] else "?"
            cue = a["cue"]["text"] if a["cue"] else ""
            lines.append(f"  said  {source} ({cue}): {shorten(a['content']['text'], 70)}")
        for f in record["figures"]:
            who = _who(f)
            lines.append(f"  count {f['category']} {_count(f['count'])}{who}"
                         f"{_place_name(record, f['location'])}{_unit(f)}  <- "
                         f"{source_chain(record, f['attribution'])}")
        lines.extend(_disagreement_lines(record, "  sources disagree on {about}:"))
    return "\n".join(lines)
