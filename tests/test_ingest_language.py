"""English only: other languages are skipped with a message, short texts are not judged."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest

from eventledger.document import Document
from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs
from eventledger.ingest.language import detect_language

ENGLISH = (
    "The city council of Brookfield approved plans for a new bus station on Wednesday.\n"
    "Construction is expected to start next spring and take about two years."
)
GERMAN = (
    "Der Stadtrat von Neudorf hat am Mittwoch die Pläne für einen neuen Busbahnhof "
    "genehmigt.\nDie Bauarbeiten sollen im nächsten Frühjahr beginnen und etwa zwei Jahre "
    "dauern, sagte die Bürgermeisterin."
)
FRENCH = (
    "Le conseil municipal de Villeneuve a approuvé mercredi les plans d'une nouvelle gare "
    "routière.\nLes travaux devraient commencer au printemps prochain et durer environ deux ans."
)


def test_german_and_french_articles_skipped_english_kept(tmp_path):
    paths = []
    for name, text in (("a_de.txt", GERMAN), ("b_en.txt", ENGLISH), ("c_fr.txt", FRENCH)):
        path = tmp_path / name
        path.write_text("date 2024-05-01 " + text, encoding="utf-8")
        paths.append(str(path))
    german, english, french = list(iter_inputs(paths))
    assert isinstance(german, IngestError)
    assert german.message == f"{paths[0]}: language 'de' is not supported (English only): skipped"
    assert isinstance(french, IngestError)
    assert french.message == f"{paths[2]}: language 'fr' is not supported (English only): skipped"
    assert isinstance(english, Document)
    assert english.language == "en" and english.text == ENGLISH


def test_foreign_feed_entry_skipped_others_kept(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(json.dumps({"text": t}) for t in (ENGLISH, FRENCH, ENGLISH + " More.")),
        encoding="utf-8",
    )
    first, error, third = list(iter_inputs([str(path)]))
    assert isinstance(first, Document) and isinstance(third, Document)
    assert error.message == f"{path}:2: language 'fr' is not supported (English only): skipped"


def test_short_and_name_heavy_english_is_not_refused():
    assert detect_language("Road closed") == "en"  # too short to judge
    # Headlines full of place names that the classifier alone reads as other languages.
    assert detect_language("Ashdod and Ashkelon sirens") == "en"
    assert detect_language("Netanyahu in hot water") == "en"
    assert detect_language(GERMAN) == "de"
    assert detect_language("Die Polizei sperrte die Straße am Morgen.") == "de"


# Invented sentences.
_SAMPLES = ("The harbour master said the ferry would sail again on Monday morning.",
            "Der Hafenmeister sagte, die Fähre werde am Montagmorgen wieder fahren.",
            "Le capitaine du port a dit que le ferry reprendrait la mer lundi matin.")


def _unpacked_name() -> str:
    import py3langid

    packed = Path(py3langid.langid.MODEL_DIR) / py3langid.langid.MODEL_FILE
    return f"py3langid-{py3langid.__version__}-{packed.stat().st_size}"


def test_the_language_model_is_unpacked_once_and_ranks_as_the_packaged_one(
    monkeypatch, tmp_path
):
    import py3langid

    from eventledger.ingest import language

    monkeypatch.setenv("EVENTLEDGER_CACHE", str(tmp_path))
    # the single file an earlier eventledger unpacked the model into is removed
    (tmp_path / f"{_unpacked_name()}.npz").write_bytes(b"an earlier cache")
    identifier = language._unpacked_identifier()
    assert identifier is not None
    assert [p.name for p in tmp_path.iterdir()] == [_unpacked_name()]
    for text in _SAMPLES:
        assert identifier.rank(text) == py3langid.rank(text)
    unpacked = tmp_path / _unpacked_name()
    files = {p.name: p.stat().st_mtime_ns for p in unpacked.iterdir()}
    again = language._unpacked_identifier()  # read from the cache this time
    assert {p.name: p.stat().st_mtime_ns for p in unpacked.iterdir()} == files
    # its arrays are mapped from the files, not read into memory
    assert isinstance(again.nb_ptc, numpy.memmap)
    for text in _SAMPLES:
        assert again.rank(text) == py3langid.rank(text)


@pytest.mark.parametrize("damage", ["truncated", "missing"])
def test_a_damaged_unpacked_model_is_unpacked_again(monkeypatch, tmp_path, damage):
    import py3langid

    from eventledger.ingest import language

    monkeypatch.setenv("EVENTLEDGER_CACHE", str(tmp_path))
    assert language._unpacked_identifier() is not None
    table = tmp_path / _unpacked_name() / "nextmove.npy"
    if damage == "truncated":
        table.write_bytes(table.read_bytes()[:1000])
    else:
        table.unlink()
    identifier = language._unpacked_identifier()
    assert identifier is not None
    assert table.stat().st_size > 1_000_000
    assert [p.name for p in tmp_path.iterdir()] == [_unpacked_name()]
    for text in _SAMPLES:
        assert identifier.rank(text) == py3langid.rank(text)


def test_an_unwritable_cache_falls_back_to_the_packaged_model(monkeypatch, tmp_path):
    from eventledger.ingest import language

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("EVENTLEDGER_CACHE", str(blocked / "cache"))
    assert language._unpacked_identifier() is None
    assert language.detect_language(_SAMPLES[1]) == "de"
