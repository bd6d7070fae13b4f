"""The bundled examples (one per input format) ingest and give valid records."""

from pathlib import Path

from eventledger.errors import IngestError
from eventledger.ingest import iter_inputs
from eventledger.pipeline import extract_records
from eventledger.record import record_problems

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_every_example_is_read_and_gives_a_valid_record(nlp):
    items = list(iter_inputs([str(EXAMPLES)]))
    assert not [item for item in items if isinstance(item, IngestError)]
    suffixes = {Path(item.path).suffix for item in items}
    assert {".txt", ".html", ".xml", ".atom", ".jsonl", ".json"} <= suffixes
    records = list(extract_records(items, nlp=nlp))
    for record in records:
        assert record_problems(record) == [], record["document"]["path"]
    assert sum(len(r["attributions"]) for r in records) > 10
    assert sum(len(r["figures"]) for r in records) > 5
    assert any(r["disagreements"] for r in records)
