"""Features and role labels for the argument head, computed once.

    OMP_NUM_THREADS=1 nice python training/event_heads/prepare_arguments.py out/arguments \
        --event-location ../shared/eval/event_location/dev.jsonl \
        --polnear ../shared/eval/polnear/train --polnear-articles 100 \
        --trnews ../shared/eval/geo/TR-News.xml --trnews-articles 40

Each text goes once through eventledger's pipeline as it ships (rules and the event head);
a recording head on the attribution tagger's forward pass keeps each token's hidden state
of ``--layer`` (6, the frozen lower layers' output, which the event head reads too). For
every event, each candidate (``argument_features``: the nouns, names and pronouns heading a
phrase in its sentence for the actor and the recipient, the sentence's place records for
the location) gives one pair: the two words' states, the pair's parse features, and a
label per role (1, 0, or -1 for unknown). Only data that is not a dev split:

- the location: Halterman's event_location sentences of the ``train`` half (the split of
  ``eventledger eval event-location --half``), whose gold names the place where the event
  at the VERB span happened, or none. The event whose trigger overlaps the VERB span is
  labelled: a candidate place overlapping a gold LOCATION span is 1, every other is 0.
- the actor and the recipient: silver labels on unlabelled news (PolNeAR's train texts,
  TR-News): for an event the rules agree with themselves on (not negated, not hypothetical,
  with an actor or a recipient), the head word of the rules' actor is 1 for the actor and
  every other candidate 0, and the same for the recipient.
- the rules' actor and recipient judged on PETRARCH's unit tests (``--petr``, the ``train``
  half): their CAMEO codings name the source and the target by codes whose first three
  letters begin the invented names ("ARN", Arnor; "ERI", "Eriadorian"). For a rule event of
  a coded type, the rules' actor is right (1) where its phrase holds a name of a source
  code of that type, and wrong (0) where it holds only names of target codes; the same for
  the recipient the other way round; otherwise unknown. Only the rules' own arguments are
  labelled there.
- the rules' actor and recipient judged by hand (``--checked``, ``checked_arguments.jsonl``:
  PolNeAR train texts that the silver texts leave out, each rule argument of an event the
  rules agree with themselves on marked right or wrong): those arguments are labelled 1 or
  0, the other candidates not at all. ``train_arguments.py`` chooses the veto of the actor
  and the recipient on these and the PETR ones.

Writes ``states.npy`` (float16, one row per token kept: triggers and candidates),
``pairs.npz`` (per pair: the two rows, the parse features, the labels, the text and the
event it belongs to, whether the rules chose this candidate, and the kind of its text:
0 event_location, 1 silver, 2 PETR, 3 checked by hand) and ``meta.json`` (the
types and feature names, each text's source, and per event_location record the rules'
answer and whether it was right).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).parent))
from prepare import plover_types, polnear_texts, trnews_texts  # noqa: E402

from eventledger.eval import event_location as el  # noqa: E402
from eventledger.eval import read_xml_root  # noqa: E402
from eventledger.eval.coding import half_of, load_crosswalk, plover_type  # noqa: E402
from eventledger.extract.events.argument_features import (  # noqa: E402
    ROLES,
    feature_names,
    pair_features,
    party_candidates,
    place_candidates,
)
from eventledger.extract.locate import with_tokens  # noqa: E402
from eventledger.extract.syntax import token_range  # noqa: E402
from eventledger.pipeline import build_pipeline, load_model  # noqa: E402

log = logging.getLogger("prepare_arguments")
UNKNOWN = -1
KINDS = {"event_location": 0, "silver": 1, "petr": 2, "checked": 3}
NAME = re.compile(r"\b[A-Z][a-z]+")


class Pairs:
    """The pairs gathered so far, and the states of the tokens they read."""

    def __init__(self, types: list[str]) -> None:
        self.types = types
        self.states: list[numpy.ndarray] = []
        self.n_states = 0
        self.columns: dict[str, list] = {k: [] for k in (
            "trigger", "candidate", "features", "labels", "text", "event", "rule", "kind")}

    def rows_of(self, rows: numpy.ndarray, indices: list[int]) -> dict[int, int]:
        """Keep the states of ``indices`` (tokens of one doc); their row numbers."""
        kept = {i: self.n_states + k for k, i in enumerate(indices)}
        self.states.append(rows[indices].astype("float16"))
        self.n_states += len(indices)
        return kept

    def add(self, doc, rows, event: dict, event_id: int, text_id: int,
            labelled: dict[str, set[int] | None], places: list[dict], kind: str, *,
            judged: dict[str, dict[int, int]] | None = None) -> int:
        """The pairs of one event; ``labelled``: per role, the candidate head words that
        hold it (None: unknown); ``judged``: per role, the only candidates labelled, with
        their label (the rules' arguments judged on PETR). Returns how many were added."""
        tokens = token_range(doc, event["trigger"]["start"], event["trigger"]["end"])
        if tokens is None:
            return 0
        trigger = range(*tokens)
        head = doc[slice(*tokens)].root
        sent = head.sent
        wanted: dict[int, dict] = {}
        if judged or labelled["actor"] is not None or labelled["recipient"] is not None:
            for cand in party_candidates(sent, trigger):
                wanted.setdefault(cand.i, {"place": False})
        rule_place = (event.get("location") or {}).get("place")
        if labelled["location"] is not None:
            for place, cand in place_candidates(sent, places):
                entry = wanted.setdefault(cand.i, {"place": False})
                entry["place"] = True
                entry["chosen"] = place["id"] == rule_place
        if not wanted:
            return 0
        row_of = self.rows_of(rows, [head.i, *wanted])
        for i, entry in wanted.items():
            cand = doc[i]
            labels = []
            for role in ROLES:
                holders = labelled[role]
                if judged is not None:
                    labels.append(judged.get(role, {}).get(i, UNKNOWN))
                elif holders is None or (role == "location") != entry["place"]:
                    labels.append(UNKNOWN)
                else:
                    labels.append(int(i in holders))
            self.columns["trigger"].append(row_of[head.i])
            self.columns["candidate"].append(row_of[i])
            self.columns["features"].append(pair_features(head, cand, event["type"],
                                                          self.types, is_place=entry["place"]))
            self.columns["labels"].append(labels)
            self.columns["text"].append(text_id)
            self.columns["event"].append(event_id)
            self.columns["rule"].append(int(entry.get("chosen", False)))
            self.columns["kind"].append(KINDS[kind])
        return len(wanted)

    def save(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        numpy.save(out / "states.npy", numpy.concatenate(self.states))
        numpy.savez(out / "pairs.npz", **{
            k: numpy.asarray(v, dtype="float32" if k == "features" else "int32")
            for k, v in self.columns.items()})


def root_of(doc, arg: dict | None) -> int | None:
    if not arg:
        return None
    tokens = token_range(doc, arg["start"], arg["end"])
    return doc[slice(*tokens)].root.i if tokens else None


def agreed(event: dict) -> bool:
    return not event["negated"] and not event["hypothetical"] and (
        event["actor"] is not None or event["recipient"] is not None)


def petr_sentences(path: Path, crosswalk_path: Path) -> list[tuple[str, str, list]]:
    """(id, text, codings) of the train half's sentences: each coding's PLOVER type and its
    source and target codes."""
    crosswalk = load_crosswalk(crosswalk_path)
    found = []
    for element in read_xml_root(path, "the coded sentences ").iter("Sentence"):
        sentence_id = element.get("id") or ""
        text_element = element.find("Text")
        text = " ".join((text_element.text or "").split()) if text_element is not None else ""
        if not text or half_of(sentence_id) != "train":
            continue
        codings = [(plover_type(c.get("eventcode", ""), crosswalk),
                    (c.get("sourcecode") or "")[:3], (c.get("targetcode") or "")[:3])
                   for c in element.iter("EventCoding")]
        codings = [c for c in codings if c[0]]
        if codings:
            found.append((f"petr:{sentence_id}", text, codings))
    return found


def verdict(phrase: str, own: set[str], other: set[str]) -> int:
    """1 where the phrase holds a name of one of ``own`` codes, 0 where it holds only names
    of ``other`` codes, else unknown."""
    names = {w[:3].upper() for w in NAME.findall(phrase)}
    if names & own:
        return 1
    return 0 if names & other else UNKNOWN


def judged_arguments(doc, event: dict, codings: list) -> dict[str, dict[int, int]]:
    """The rules' actor and recipient of ``event`` judged on the codings of its type."""
    sources = {s for t, s, _ in codings if t == event["type"] and s and s != "---"}
    targets = {g for t, _, g in codings if t == event["type"] and g and g != "---"}
    judged: dict[str, dict[int, int]] = {}
    for role, own, other in (("actor", sources, targets), ("recipient", targets, sources)):
        root = root_of(doc, event[role])
        if root is not None:
            label = verdict(event[role]["text"], own, other)
            if label != UNKNOWN:
                judged[role] = {root: label}
    return judged


def checked_texts(path: Path, polnear: Path) -> list[tuple[str, str, dict]]:
    """(source, text, verdicts) of the PolNeAR texts judged in ``path``: verdicts by
    (type, trigger start, trigger end) and role."""
    verdicts: dict[str, dict] = {}
    for line in path.read_text("utf-8").splitlines():
        item = json.loads(line)
        key = (item["type"], item["trigger"]["start"], item["trigger"]["end"])
        verdicts.setdefault(item["source"], {}).setdefault(key, {})[item["role"]] = (
            int(item["right"]), item["argument"])
    found = []
    for source, judged in sorted(verdicts.items()):
        name = source.split(":", 1)[1]
        found.append((source, (polnear / "text" / f"{name}.txt").read_text("utf-8"), judged))
    return found


def checked_arguments(doc, event: dict, verdicts: dict) -> dict[str, dict[int, int]]:
    """The hand verdicts on ``event``'s rule arguments, where they judge the same argument."""
    key = (event["type"], event["trigger"]["start"], event["trigger"]["end"])
    judged: dict[str, dict[int, int]] = {}
    for role, (right, argument) in verdicts.get(key, {}).items():
        mine = event[role]
        if mine and (mine["start"], mine["end"]) == (argument["start"], argument["end"]):
            judged[role] = {root_of(doc, mine): right}
    return judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--event-location", type=Path)
    parser.add_argument("--event-location-records", type=int, default=0,
                        help="at most this many records of the train half (0: all)")
    parser.add_argument("--polnear", type=Path)
    parser.add_argument("--polnear-articles", type=int, default=100)
    parser.add_argument("--trnews", type=Path)
    parser.add_argument("--trnews-articles", type=int, default=40)
    parser.add_argument("--petr", type=Path)
    parser.add_argument("--crosswalk", type=Path)
    parser.add_argument("--checked", type=Path,
                        help="hand verdicts on rule arguments (checked_arguments.jsonl)")
    parser.add_argument("--checked-polnear", type=Path,
                        help="the PolNeAR folder of the checked texts")
    parser.add_argument("--layer", type=int, default=6)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    from eventledger.config import load_settings

    nlp = build_pipeline(load_model(load_settings().model),
                         {"eventledger_attribution_spans": {"argument_head": False},
                          "eventledger_events": {"argument_model": False}})
    nlp.get_pipe("eventledger_attribution_spans").heads["arguments"] = (
        lambda states: states[args.layer])
    types = plover_types()
    pairs = Pairs(types)
    texts, records_meta = [], []

    records = el.read_records(args.event_location, "train") if args.event_location else []
    if args.event_location_records:
        records = records[:args.event_location_records]
    silver = []
    if args.polnear:
        silver += polnear_texts(args.polnear, args.polnear_articles)
    if args.trnews:
        silver += trnews_texts(args.trnews, args.trnews_articles)
    log.info("%d event_location records, %d silver texts", len(records), len(silver))
    petr = petr_sentences(args.petr, args.crosswalk) if args.petr else []
    # (source, text, kind, what labels it: the record, the codings or the verdicts)
    items = [(f"event_location:{r.get('id')}", r["text"], "event_location", r)
             for r in records]
    items += [(source, text, "silver", None) for source, text in silver]
    items += [(source, text, "petr", codings) for source, text, codings in petr]
    if args.checked:
        items += [(source, text, "checked", verdicts) for source, text, verdicts
                  in checked_texts(args.checked, args.checked_polnear)]
    n_events = 0
    for n, (doc, (source, _text, kind, record)) in enumerate(zip(
            nlp.pipe((item[1] for item in items), batch_size=16), items, strict=True)):
        rows = doc._.el_argument_states["rows"]
        places = with_tokens(doc)
        texts.append(source)
        if kind in ("petr", "checked"):
            for event in doc._.el_events or ():
                judged = (judged_arguments(doc, event, record) if kind == "petr"
                          else checked_arguments(doc, event, record))
                if judged and agreed(event):
                    pairs.add(doc, rows, event, n_events, n,
                              {"actor": None, "recipient": None, "location": None}, places,
                              kind, judged=judged)
                    n_events += 1
        elif kind == "event_location":
            verb = el._verb_span(record)
            gold = el.gold_locations(record, doc)
            event = max(doc._.el_events or (), default=None, key=lambda e: el._overlap(
                (e["trigger"]["start"], e["trigger"]["end"]), verb))
            if event is None or el._overlap(
                    (event["trigger"]["start"], event["trigger"]["end"]), verb) <= 0:
                continue
            holders = {doc[slice(*p["_tokens"])].root.i for p in places
                       if any(el._overlap((p["start"], p["end"]), g) > 0 for g in gold)}
            added = pairs.add(doc, rows, event, n_events, n,
                              {"actor": None, "recipient": None, "location": holders},
                              places, "event_location")
            predicted, _how = el.answer(doc, verb)
            records_meta.append({"event": n_events, "text": n, "gold": gold,
                                 "rules_right": el._right(predicted, gold),
                                 "rules_none": predicted is None, "pairs": added})
            n_events += 1
        else:
            for event in doc._.el_events or ():
                if not agreed(event):
                    continue
                actor, recipient = root_of(doc, event["actor"]), root_of(doc, event["recipient"])
                pairs.add(doc, rows, event, n_events, n,
                          {"actor": {actor} - {None}, "recipient": {recipient} - {None},
                           "location": None}, places, "silver")
                n_events += 1
        if n % 200 == 0:
            log.info("%d/%d texts, %d events", n, len(items), n_events)
    pairs.save(args.out)
    (args.out / "meta.json").write_text(json.dumps({
        "types": types, "features": feature_names(types), "layer": args.layer,
        "texts": texts, "event_location": records_meta}, indent=1))
    log.info("%d events, %d pairs", n_events, len(pairs.columns["labels"]))


if __name__ == "__main__":
    main()
