"""Attributions: who said what, with the words that report it.

Four frames, all read from spaCy's dependency parse and the cue lexicon (``data/cues.json``,
extensible through ``extra_cues_path``):

- a reporting verb and its complement: "X said (that) CONTENT", "CONTENT, X said",
  "X reported CONTENT", "X vowed to CONTENT", "X called for CONTENT"; a participle
  ("..., adding that CONTENT") reports for the subject of the verb it hangs on;
- "according to X, CONTENT", or ``cited_by`` when the clause already has a reporting verb
  ("..., he added, according to Palestine Chronicle");
- a quotation with no reporting verb, given to the speaker of the quote just before it
  in the same or the previous paragraph ("“Q1,” X said. “Q2”"), else to no one;
- "citing Y" beside a reporting verb adds Y to ``cites``; "in a statement ...", "in an
  interview with ..." and the like give the ``channel``.

A pronoun source is resolved to the latest compatible actor (he/she: a person; it: an
organisation; they: a group or organisation), preferring earlier speakers and subjects,
and the pronoun is added to that actor's mentions; he/she skip a person whose known gender
is the other one. Headings and captions are skipped. Afterwards a plain group noun inside an
armed group's statement ("resistance fighters") joins that group (``actor_coref``).

The package, stage by stage (``docs/architecture.md`` has the map):

- ``component``: the spaCy component and its options; ``lexicon``: the cue lexicon;
- ``context``: what every stage reads of one document (built once); ``candidates``: the
  attributions as the stages build them, and span arithmetic;
- the frames: ``verb_frames``, ``noun_frames``, ``according_frames``, ``quote_frames``,
  with ``cue_words`` (which words report) and ``clauses`` (a content's extent);
- ``channels`` and ``sources``: how and by whom it was said;
- ``tagger`` and ``agreement``: the reconciliation with the span tagger;
- ``pronouns``: pronoun and relative sources resolved to actors;
- ``filters``, ``conventions`` (PolNeAR's) and ``records``;
- ``finder``: the stages in order.
"""

from __future__ import annotations

from .component import AttributionsExtractor, make_attributions
from .lexicon import CueLexicon

__all__ = ["AttributionsExtractor", "CueLexicon", "make_attributions"]
