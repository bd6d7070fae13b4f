"""The records of one document's actors, once every stage has run."""

from __future__ import annotations

from ..actor_coref import person_gender
from ..base import span
from ..syntax import doc_text
from .context import Actor, Context, Found


def records(ctx: Context, found: Found) -> list[dict]:
    actors = sorted(found.actors.values(), key=lambda a: min(a.mentions))
    records = []
    for number, actor in enumerate(actors, start=1):
        mentions = sorted(set(actor.mentions))
        if actor.country is None and actor.affiliation:
            for other in actors:
                if other.name == actor.affiliation and other.country:
                    actor.country = other.country
                    break
        records.append(
            {
                "id": f"R{number}",
                "name": actor.name,
                "country": actor.country,
                "sector": actor.sector,
                "mentions": [span(doc_text(ctx.doc), s, e) for s, e in mentions],
                "kind": actor.kind,
                "roles": list(actor.roles),
                "affiliation": actor.affiliation,
                "gender": _gender(ctx, actor),
            }
        )
    return records


def _gender(ctx: Context, actor: Actor) -> str | None:
    if actor.kind != "person":
        return None
    return actor.gender or person_gender(ctx.doc, actor.mentions, actor.roles, ctx.lexicon)
