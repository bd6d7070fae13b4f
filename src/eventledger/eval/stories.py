"""Stories on WikiEvents: which documents end up in one story, against pairs read by hand.

The 20 articles of WikiEvents ``dev.jsonl`` (text: the ``sentences`` joined with
newlines, as :mod:`eventledger.eval.wikievents` reads them) are extracted, stored in a
temporary store and assigned to stories in file order. Two documents are *paired* when
some story holds items of both. Pairwise precision: predicted pairs that are gold pairs;
recall: gold pairs predicted. The articles carry no publication date, so clustering has
only event dates written in the text, places and words to go on.
"""

from __future__ import annotations

import itertools
import json
import logging
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import EvaluationError

log = logging.getLogger(__name__)

# Documents of dev.jsonl that report the same real incident, read by hand (the ids do not
# always show it). Each pair with the incident both describe:
GOLD_PAIRS: tuple[tuple[str, str], ...] = (
    # The parcel bomb outside a bakery on Rue Victor Hugo, Lyon, on a Friday in May 2019
    # (one says "several people" injured, the other 13 wounded, 11 in hospital).
    ("scenario_en_kairos_60", "scenario_en_kairos_61"),
    # Bloody Friday, Belfast, 21 July 1972: the IRA's bombs (a 1972 news report with the
    # ministers' statement, and a retrospective piece: nine dead, some 130 injured).
    ("wiki_ied_bombings_1_news_3", "wiki_ied_bombings_1_news_4"),
    # The Boston Marathon bombing of 15 April 2013, described in two VOA court reports on
    # friends of the suspect (a plea of not guilty; a conviction).
    ("32_VOA_EN_NW_2014.06.04.1929720", "65_VOA_EN_NW_2014.07.21.1962165"),
    # Venezuela's Constituent Assembly vote of 30 July 2017: before it (workers told to
    # vote) and the morning after (the turnout figure disputed).
    ("scenario_en_62", "scenario_en_85"),
    # The unexplained deaths at the Central Hospital of Maracay, Aragua, in September 2014:
    # eight deaths announced by the medical school head; "nine unexplained deaths" in
    # Aragua in the other report.
    ("scenario_en_7", "scenario_en_8"),
)


def _read(path: str | Path) -> list[dict]:
    try:
        lines = Path(path).read_text("utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read WikiEvents file {path}: {exc}") from exc


def pairwise(predicted: Iterable[tuple[str, str]], gold: Iterable[tuple[str, str]]) -> dict:
    """Pairwise precision, recall and F1 of unordered document pairs."""
    pred = {tuple(sorted(p)) for p in predicted}
    true = {tuple(sorted(p)) for p in gold}
    right = len(pred & true)
    precision = right / len(pred) if pred else 0.0
    recall = right / len(true) if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "right": right,
            "predicted": len(pred), "gold": len(true)}


def evaluate_stories(path: str | Path, *, nlp=None,
                     gold_pairs: Iterable[tuple[str, str]] = GOLD_PAIRS,
                     db: str | Path | None = None) -> dict:
    """Extract, store and cluster the articles of ``path``; score the document pairs
    that share a story against ``gold_pairs``. ``db``: keep the store there (default: a
    temporary file)."""
    from ..document import Document
    from ..pipeline import extract_records
    from ..store import Store
    from ..stories import assign_stories, list_stories
    from .wikievents import document_text

    rows = _read(path)
    documents = [Document(text=document_text(r)[0], path=r["doc_id"], source=r["doc_id"])
                 for r in rows]
    name_of = {d.id: d.path for d in documents}
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(db or Path(tmp) / "stories.db") as store:
            for record in extract_records(documents, nlp=nlp):
                store.write_record(record, extractor_version="eval", replace=True)
            assign_stories(store, [d.id for d in documents])
            stories = []
            for table in list_stories(store):
                names = sorted({name_of.get(d, d) for d in table.documents})
                if len(names) > 1:
                    stories.append({
                        "id": table.story["id"], "type": table.story.get("type"),
                        "place": table.story.get("place"), "country": table.story.get("country"),
                        "dates": [table.story.get("first_date"), table.story.get("last_date")],
                        "documents": names,
                        "figures": {c: [f.low, f.high] for c, f in table.figures.items()},
                    })
            total = len(store.story_rows())
    predicted = {p for s in stories for p in itertools.combinations(s["documents"], 2)}
    gold = list(gold_pairs)
    scores = pairwise(predicted, gold)
    return {
        **scores, "documents": len(documents), "stories": total,
        "multi_document_stories": stories,
        "predicted_pairs": sorted(predicted),
        "missed_pairs": sorted(tuple(sorted(p)) for p in gold
                               if tuple(sorted(p)) not in predicted),
    }


def format_stories_eval(result: dict) -> str:
    lines = [
        f"documents {result['documents']}, stories {result['stories']}, "
        f"multi-document stories {len(result['multi_document_stories'])}",
        f"pairwise precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}  ({result['right']} right of {result['predicted']} "
        f"predicted, {result['gold']} gold)",
    ]
    for story in result["multi_document_stories"]:
        lines.append(f"  {story['id']} {story['type']} {story['place'] or story['country'] or '-'} "
                     f"{story['dates'][0] or '?'}..{story['dates'][1] or '?'}: "
                     f"{', '.join(story['documents'])} {story['figures'] or ''}".rstrip())
    for pair in result["missed_pairs"]:
        lines.append(f"  missed: {pair[0]} + {pair[1]}")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m eventledger.eval.stories DEV.jsonl
    import sys

    logging.basicConfig(level=logging.WARNING)
    print(format_stories_eval(evaluate_stories(sys.argv[1])))  # noqa: T201
