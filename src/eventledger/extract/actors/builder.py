"""The builder of one document's actors: the mixins' stages on shared state, and the records."""

from __future__ import annotations

from spacy.tokens import Doc

from ..actor_coref import person_gender
from ..base import span
from ..syntax import doc_text
from .affiliations import AffiliationsMixin
from .coreference import CoreferenceMixin
from .lexicon import ActorLexicon
from .mentions import Actor, MentionsMixin
from .nominals import NominalsMixin
from .roles import RolesMixin


class Builder(MentionsMixin, RolesMixin, NominalsMixin, CoreferenceMixin, AffiliationsMixin):
    """Collects mentions of one Doc into actors."""

    def __init__(self, doc: Doc, lexicon: ActorLexicon, fuzzy_threshold: float):
        self.doc = doc
        self.lexicon = lexicon
        self.fuzzy_threshold = fuzzy_threshold
        self.actors: dict[str, Actor] = {}
        self.claimed: set[int] = set()  # token indices already inside an actor mention
        self.newspaper_names: set[str] = set()  # "Kessa Courier", seen after "the"

    def records(self) -> list[dict]:
        actors = sorted(self.actors.values(), key=lambda a: min(a.mentions))
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
                    "mentions": [span(doc_text(self.doc), s, e) for s, e in mentions],
                    "kind": actor.kind,
                    "roles": list(actor.roles),
                    "affiliation": actor.affiliation,
                    "gender": self._gender(actor),
                }
            )
        return records

    def _gender(self, actor: Actor) -> str | None:
        if actor.kind != "person":
            return None
        return actor.gender or person_gender(self.doc, actor.mentions, actor.roles, self.lexicon)
