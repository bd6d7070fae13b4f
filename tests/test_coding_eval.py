"""The sentence coding evaluation on a tiny PETRARCH-style file and crosswalk written here."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from eventledger.cli import cli
from eventledger.errors import EvaluationError
from eventledger.eval.coding import (
    half_of,
    load_crosswalk,
    load_sentences,
    plover_type,
    score,
)

CROSSWALK = """# CAMEO to PLOVER, a few lines
04: CONSULT
040: CONSULT, ,  # Consult
042: CONSULT, visit,   # Make a visit
17: COERCE
173: COERCE, arrest, legal # Arrest
18: ASSAULT
1823: ASSAULT, ,    # Kill by physical assault
19: ASSAULT
~~~~~
"""

SENTENCES = [
    ("T-1", "042", "The Velorian foreign minister visited Castavia on Monday."),
    ("T-2", "173", "Police in Veloria arrested twelve protesters on Tuesday."),
    ("T-3", "190", "Castavian troops shelled the border town of Mirel overnight."),
    ("T-4", "999", "Veloria said the weather was fine."),
    ("T-5", "173", "Police in Veloria did not arrest anyone on Tuesday."),
]


@pytest.fixture()
def files(tmp_path):
    body = "\n".join(
        f'<Sentence date="20200101" id="{i}" sentence="true">\n'
        f'<EventCoding sourcecode="VEL" targetcode="CAS" eventcode="{code}"></EventCoding>\n'
        f"<Text>\n{text}\n</Text>\n</Sentence>"
        for i, code, text in SENTENCES
    )
    xml = tmp_path / "coded.xml"
    xml.write_text(f"<Validation><Sentences>\n{body}\n</Sentences></Validation>", "utf-8")
    crosswalk = tmp_path / "crosswalk.txt"
    crosswalk.write_text(CROSSWALK, "utf-8")
    return xml, crosswalk


def test_longest_prefix_of_the_crosswalk(files):
    table = load_crosswalk(files[1])
    assert plover_type("042", table) == "CONSULT"
    assert plover_type("0421", table) == "CONSULT"
    assert plover_type("1823", table) == "ASSAULT"
    assert plover_type("190", table) == "ASSAULT"  # by "19"
    assert plover_type("999", table) is None


def test_halves_split_the_file_and_are_stable(files):
    every = load_sentences(files[0])
    train = load_sentences(files[0], "train")
    dev = load_sentences(files[0], "dev")
    assert sorted(s.id for s in train + dev) == sorted(s.id for s in every)
    assert not {s.id for s in train} & {s.id for s in dev}
    assert all(half_of(s.id) == "dev" for s in dev)
    assert half_of("T-1") == half_of("T-1")


def test_rates_and_per_type_scores():
    golds = [{"CONSULT"}, {"COERCE"}, {"ASSAULT", "COERCE"}, set()]
    predicted = [{"CONSULT"}, {"ASSAULT"}, {"ASSAULT"}, {"PROTEST"}]
    result = score(golds, predicted)
    assert (result["sentences"], result["scored"]) == (4, 3)
    assert result["hit"] == pytest.approx(2 / 3)
    assert result["exact"] == pytest.approx(1 / 3)
    assert result["by_type"]["ASSAULT"]["right"] == 1
    assert result["by_type"]["ASSAULT"]["predicted"] == 2
    assert result["by_type"]["COERCE"]["r"] == 0.0
    assert "PROTEST" not in result["by_type"]  # the unscored sentence counts for nothing


def test_the_command_codes_the_sentences(files):
    xml, crosswalk = files
    result = CliRunner().invoke(
        cli, ["eval", "coding", str(xml), "--crosswalk", str(crosswalk), "--details"]
    )
    assert result.exit_code == 0, result.output
    assert "5 sentences, 4 with a mapped gold type" in result.output
    lines = result.output.splitlines()
    # the visit, the arrest and the shelling are coded; the arrest that did not happen is not
    assert any(line.startswith("+ T-1: gold CONSULT") for line in lines)
    assert any(line.startswith("+ T-2: gold COERCE") for line in lines)
    assert any(line.startswith("+ T-3: gold ASSAULT") for line in lines)
    assert any(line.startswith("- T-5: gold COERCE predicted -") for line in lines)
    assert "hit rate   0.750" in result.output


def test_bad_inputs_are_one_line(tmp_path, files):
    broken = tmp_path / "broken.xml"
    broken.write_text("<Validation><Sentence>", "utf-8")
    with pytest.raises(EvaluationError, match="cannot read the coded sentences"):
        load_sentences(broken)
    with pytest.raises(EvaluationError, match="not a CAMEO to PLOVER crosswalk"):
        load_crosswalk(files[0])
    result = CliRunner().invoke(
        cli, ["eval", "coding", str(broken), "--crosswalk", str(files[1])]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: [E400]")
