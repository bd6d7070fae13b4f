"""Events: what happened, who did it to whom, where and when, in PLOVER terms.

Triggers come from a lexicon (``data/event_triggers.json``: lemmas and phrases -> PLOVER
type and default mode; weapon words -> ASSAULT modes), which users extend with their own
file (``extra_triggers_path``). Each trigger found in running text (headings and captions
are skipped) becomes an event whose arguments are read off the dependency parse:

- verbs: the subject is the actor, the object the recipient; in the passive the ``by``
  phrase is the actor and the subject the recipient;
- nouns: ``of`` is the recipient of violent and coercive acts ("the killing of civilians"),
  ``by`` and the possessor the actor, ``on``/``against`` the recipient; a noun carried by a
  light verb ("Hamas carried out strikes") takes that verb's subject as actor.

Word senses: some triggers count only with a weapon in their clause ("fired rockets", not
"fired the manager"), with a person as object ("released the hostages"), with certain
objects ("imposed a curfew"), or change type by context (a workers' "strike" is PROTEST).
A noun used as a modifier ("air raid sirens") is not a mention, unless it modifies a word
about the event ("the bombing suspect"). A killing without an actor of its own, in a
sentence that names the attack ("five were killed in the blast"), is that attack's outcome
and not a second event; the figures extractor counts it.

Places: a place in a prepositional phrase of the trigger ("in X", "at X", "towards X") or
its object ("shelled X") is the location, "from X" the origin; else the nearest place in
the sentence named as a site ("in X") that no nearer trigger claims; else, for "the city",
the last place named earlier in the paragraph; else the dateline's place, marked
``{"place": ..., "from": "dateline"}`` (where the report was filed, not a place the text
gives the event).

``negated`` is set by a negation on the trigger or its governing verb, or a governing
"deny"; ``hypothetical`` by a modal, an if-clause or a governing verb of intention
("threatened to", "plans to"). A generic statement in the present ("rockets are still being
fired") gets ``generic: true``; it, like a hypothetical event, has no date, so neither is
counted as a dated event. ``origin`` (extra field) is the place a "from" phrase names.

The package: ``lexicon`` (the trigger lexicon and word lists), ``triggers`` (trigger
finding and modes), ``senses`` (the checks that rule a matched word out or retype it),
``means`` and ``figurative`` (weapons named by a phrase; harm told of ideas), ``learned``
(the event head's veto and additions), ``arguments`` (actors and recipients),
``modality`` (negated, hypothetical, generic), ``phrases`` (parse helpers): functions over
``context.Context`` (the lexicon and what is made of it, read-only), which ``component``
calls to build each event with its place (``locate``) and date (``dates``).
"""

from .component import EventsExtractor, make_events
from .lexicon import PhraseIndex, load_lexicon
from .phrases import np_bounds

__all__ = ["EventsExtractor", "PhraseIndex", "load_lexicon", "make_events", "np_bounds"]
