"""Actors: who appears in an article, merged into one record per actor.

Mentions come from three places: the curated dictionary (``data/actors.json``, plus a user
file named by ``extra_actors_path``), spaCy's named entities (PERSON, ORG, NORP heading a
group, GPE acting as subject), and nominal actors whose head noun names a kind of actor
("police", "resistance fighters", "an Israeli news website"). Names are merged within the
document: a surname alone joins the full name met elsewhere ("Taha" -> "Jihad Taha").
Titles and appositions become ``roles``; an organisation named in a role, or the dictionary,
gives the ``affiliation``. Pronoun mentions are added later by the attributions extractor.

The package: ``lexicon`` (the actor lexicon and word lists), ``mentions`` (named mentions),
``roles`` (roles and the affiliations they give), ``nominals`` (nominal actors),
``coreference`` (short names, state nouns, definite nominals), ``affiliations`` (of
nominal actors): functions over ``context`` (a read-only ``Context`` of the document and
the ``Found`` actors they build), which ``component`` runs in order; ``records``.
"""

from .component import ActorsExtractor, make_actors
from .context import same_paragraph
from .lexicon import ActorEntry, ActorLexicon, add_title_abbreviations, normalise

__all__ = [
    "ActorEntry",
    "ActorLexicon",
    "ActorsExtractor",
    "add_title_abbreviations",
    "make_actors",
    "normalise",
    "same_paragraph",
]
