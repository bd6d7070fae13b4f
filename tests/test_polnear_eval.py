"""eventledger eval polnear: reading PolNeAR's brat files, the metric, and the annotators' agreement."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from eventledger.cli import cli
from eventledger.errors import EvaluationError
from eventledger.eval.polnear import Item, agreement, evaluate_polnear, format_polnear, read_ann

TEXT = "The mayor said the bridge would reopen in June. Traders were pleased."
SOURCE = (0, 9)
CUE = (10, 14)
CLAIM = (TEXT.index("the bridge"), TEXT.index(" in June"))  # "the bridge would reopen"
PLEASED = (TEXT.index("Traders"), len(TEXT) - 1)


def attribution_ann(spans: list[tuple[str, tuple[int, int]]]) -> str:
    """One attribution in brat standoff: its spans as T lines, tied by an E line."""
    lines, roles = [], []
    for number, (role, (start, end)) in enumerate(spans, start=1):
        lines.append(f"T{number}\t{role} {start} {end}\t{TEXT[start:end]}")
        roles.append(f"{role}:T{number}")
    lines.append(f"E1\tAttribution:T{len(spans)} {' '.join(roles)}")
    return "\n".join(lines) + "\n"


def write_split(root, annotations: dict[str, str], *, text: str = TEXT) -> None:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    names = {name.rsplit("_", 1)[0] for name in annotations}
    for name in names:
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    for name, ann in annotations.items():
        (root / "attributions" / f"{name}.ann").write_text(ann, encoding="utf-8")


def test_a_span_whose_words_run_over_a_line_break_is_read_with_what_follows(tmp_path):
    # brat writes the span's words as they are, line break and all; the next line (here
    # starting with "T", like a text-bound line) is still that span's text.
    path = tmp_path / "doc_a.ann"
    path.write_text(
        "T1\tContent 0 30\tTwo towns.\n"
        "\n"
        "Those near the river flooded\n"
        "T2\tCue 31 35\tsaid\n"
        "E1\tAttribution:T2 Content:T1 Cue:T2\n",
        encoding="utf-8",
    )
    assert read_ann(path) == [Item(content=(0, 30), cue=(31, 35), source=None)]


def test_annotators_are_scored_against_one_another_on_the_articles_they_share():
    claim = Item(content=CLAIM, cue=CUE, source=SOURCE)
    # The second annotator marks the same claim with another cue, and one more.
    other_cue = Item(content=CLAIM, cue=(0, 3), source=SOURCE)
    pleased = Item(content=PLEASED, cue=None, source=None)
    result = agreement([[[claim], [other_cue, pleased]], [[claim]]])
    # The article with one annotator is left out.
    assert result["documents"] == 1 and result["annotators"] == 2
    between = result["between_annotators"]
    # Two ordered pairs: 1 hit of 1 predicted against 2 gold, and 1 of 2 against 1.
    assert between["content"]["hits"] == 2
    assert between["content"]["predicted"] == between["content"]["gold"] == 3
    assert between["content"]["precision"] == between["content"]["recall"] == 2 / 3
    assert between["cue"]["hits"] == 0  # the cues share no character
    assert between["source"]["f1"] == 1.0  # "pleased" has no source on either side
    assert "predicted" not in result


def test_predictions_are_scored_against_each_annotator_of_the_shared_articles():
    claim = Item(content=CLAIM, cue=CUE, source=SOURCE)
    pleased = Item(content=PLEASED, cue=None, source=None)
    result = agreement([[[claim], [claim, pleased]], [[pleased]]], predictions=[[claim], []])
    predicted = result["predicted"]["content"]
    assert (predicted["hits"], predicted["predicted"], predicted["gold"]) == (2, 2, 3)


def test_eval_polnear_agreement_shows_the_annotators_beside_the_pipeline(nlp, tmp_path):
    claim = attribution_ann([("Source", SOURCE), ("Cue", CUE), ("Content", CLAIM)])
    write_split(tmp_path, {"doc1_a": claim, "doc1_b": claim, "doc2_a": claim})
    result = evaluate_polnear(tmp_path, nlp=nlp, with_agreement=True)
    shared = result["agreement"]
    assert shared["documents"] == 1 and shared["annotators"] == 2
    assert shared["between_annotators"]["cue"]["f1"] == 1.0
    assert shared["predicted"]["content"]["gold"] == 2  # both annotators of doc1
    assert "agreement" not in evaluate_polnear(tmp_path, nlp=nlp)


def test_eval_polnear_command_prints_the_agreement_when_asked(tmp_path):
    claim = attribution_ann([("Source", SOURCE), ("Cue", CUE), ("Content", CLAIM)])
    write_split(tmp_path / "two", {"doc1_a": claim, "doc1_b": claim})
    result = CliRunner().invoke(cli, ["eval", "polnear", str(tmp_path / "two"), "--agreement"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("Agreement on the 1 articles with several annotators")
               for line in lines)
    cue = [line for line in lines if line.startswith("cue")][-1]
    # Annotators' F1, then the pipeline's precision, recall and F1 against both of them.
    assert [float(x) for x in cue.split()[1:]] == [1.0, 1.0, 1.0, 1.0]

    write_split(tmp_path / "one", {"doc1_a": claim})
    result = CliRunner().invoke(cli, ["eval", "polnear", str(tmp_path / "one"), "--agreement"])
    assert result.exit_code == 0, result.output
    assert "Agreement: no article has several annotators." in result.output


def test_polnear_metric_on_a_small_invented_set(nlp, tmp_path):
    in_june = (CLAIM[0], TEXT.index(" in June") + len(" in June"))
    annotated = attribution_ann([("Source", SOURCE), ("Cue", CUE), ("Content", in_june)])
    # A second annotator sorting after the first is ignored.
    write_split(tmp_path, {"doc1_b": annotated, "doc1_z": ""})
    assert len(read_ann(tmp_path / "attributions" / "doc1_b.ann")) == 1
    result = evaluate_polnear(tmp_path, nlp=nlp, details=True)
    assert result["documents"] == 1
    for key in ("content", "cue", "source", "strict_content"):
        assert result[key]["f1"] == 1.0
    assert "content" in format_polnear(result)


def _one_article(root, text: str, source: str, cue: str, content: tuple[str, str]) -> None:
    """A split of one article, ``text``, annotated with one attribution: the first
    occurrences of ``source`` and ``cue``, and the content from ``content[0]`` to the end of
    ``content[1]``."""
    write_split(root, {"doc1_a": ""}, text=text)
    first, last = text.index(content[0]), text.index(content[1]) + len(content[1])
    spans = [("Source", text.index(source), source), ("Cue", text.index(cue), cue)]
    lines = [f"T{n}\t{role} {at} {at + len(words)}\t{words}" for n, (role, at, words)
             in enumerate(spans, start=1)]
    lines.append(f"T3\tContent {first} {last}\t{text[first:last]}")
    lines.append("E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1")
    (root / "attributions" / "doc1_a.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _command_row(directory, label: str, *options) -> tuple[str, list[float]]:
    """``eventledger eval polnear``'s header line and the P, R, F1 of its ``label`` row."""
    result = CliRunner().invoke(cli, ["eval", "polnear", str(directory), *options])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0]
    row = next(line for line in result.output.splitlines() if line.startswith(label))
    return header, [float(x) for x in row.split()[1:4]]


# Each of PolNeAR's conventions: an article annotated by it, the row it shows in, the
# option that turns it off, and the precision and recall then.
_CONVENTIONS = {
    # two attributions, and neither part alone covers half of the annotated quotation
    "continued quotes": (
        "\u201cTo all the farmers in the valley,\u201d Mendez said, \u201ckeep your seeds dry "
        "this winter.\u201d", "Mendez", "said", ("To all", "winter"),
        "content", ("join", "separate"), (0.0, 0.0),
    ),
    # the mayor's "said", inside the annotated content
    "carried reports": (
        "\u201cThe bridge will reopen in May,\u201d the mayor said, according to the Valley Herald.",
        "the Valley Herald", "according to", ("The bridge", " said"),
        "cue", ("outer", "cited_by"), (0.0, 0.0),
    ),
    # the governor's "said" is no annotated report
    "nested reports": (
        "The Ledger reported that the governor said the bridge would reopen in May.",
        "The Ledger", "reported", ("the governor", "May"),
        "content", ("outer", "keep"), (0.5, 1.0),
    ),
    # a quotation no word reports, beside the annotated report
    "uncued quotes": (
        "The mayor said the bridge would reopen in May.\n\nCITY DESK\u2014\"Harbor market to "
        "close its doors at the end of the year,\" by the Courier's Lena Ward.",
        "The mayor", "said", ("the bridge", "May"),
        "content", ("drop", "keep"), (0.5, 1.0),
    ),
}


@pytest.mark.parametrize("convention", list(_CONVENTIONS))
def test_eval_polnear_command_scores_in_polnears_convention_unless_told(tmp_path, convention):
    text, source, cue, content, label, (default, other), off = _CONVENTIONS[convention]
    _one_article(tmp_path, text, source, cue, content)
    header, (precision, recall, _f1) = _command_row(tmp_path, label)
    assert f"{convention}: {default}" in header
    assert precision == recall == 1.0
    option = "--" + convention.replace(" ", "-")
    header, (precision, recall, _f1) = _command_row(tmp_path, label, option, other)
    assert f"{convention}: {other}" in header
    assert (precision, recall) == off


def _two_polnear_articles(tmp_path):
    """One article whose attribution the pipeline finds, one whose gold it cannot."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "The mayor said the bridge would reopen in June."
    content = text.index("the bridge")
    (tmp_path / "text" / "kept.txt").write_text(text)
    (tmp_path / "attributions" / "kept_a.ann").write_text(
        f"T1\tContent {content} {len(text) - 1}\t{text[content:-1]}\nE1\tAttribution:T1 Content:T1\n"
    )
    (tmp_path / "text" / "other.txt").write_text("Rain fell on the harbour all night.")
    (tmp_path / "attributions" / "other_a.ann").write_text(
        "T1\tContent 0 9\tRain fell\nE1\tAttribution:T1 Content:T1\n"
    )


def test_polnear_scores_only_the_named_articles(nlp, tmp_path):
    _two_polnear_articles(tmp_path)
    everything = evaluate_polnear(tmp_path, nlp=nlp)
    assert everything["documents"] == 2 and everything["content"]["recall"] == 0.5
    kept = evaluate_polnear(tmp_path, nlp=nlp, names={"kept"})
    assert kept["documents"] == 1 and kept["content"]["recall"] == 1.0
    with pytest.raises(EvaluationError, match="no PolNeAR articles"):
        evaluate_polnear(tmp_path, nlp=nlp, names={"missing"})


def test_polnear_details_list_each_documents_misses_and_false_alarms(nlp, tmp_path):
    _two_polnear_articles(tmp_path)
    result = evaluate_polnear(tmp_path, nlp=nlp, details=True)
    by_name = {d["name"]: d for d in result["per_document"]}
    assert by_name["kept"]["misses"] == by_name["kept"]["false_alarms"] == []
    assert by_name["other"]["misses"] == [{"start": 0, "end": 9, "text": "Rain fell"}]
    shown = format_polnear(result)
    assert "other: content P 0.000 R 0.000" in shown
    assert "  miss 0-9: Rain fell" in shown
    assert "kept: content P 1.000 R 1.000 F1 1.000" in shown
    assert "miss" not in format_polnear(evaluate_polnear(tmp_path, nlp=nlp))


def test_eval_polnear_command_loads_the_tagger_it_is_given(tmp_path):
    (tmp_path / "split" / "text").mkdir(parents=True)
    (tmp_path / "split" / "attributions").mkdir()
    (tmp_path / "split" / "text" / "doc1.txt").write_text("The mayor said it rained.")
    (tmp_path / "split" / "attributions" / "doc1_a.ann").write_text("")
    (tmp_path / "no-tagger").mkdir()
    result = CliRunner().invoke(
        cli, ["eval", "polnear", str(tmp_path / "split"), "--tagger", str(tmp_path / "no-tagger")]
    )
    assert result.exit_code != 0
    assert result.output.startswith("Error: ") and "no-tagger" in result.output
