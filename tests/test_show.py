from eventledger.show import evidence_sentence, format_record, source_chain

TEXT = ("Shells hit the port on Monday. Citing hospital sources, the radio said "
        "nine people were injured. Calm returned later.")


def _record():
    cue = TEXT.index("said")
    return {
        "document": {"id": "d1", "text": TEXT, "outlet": "Harbour Post", "published": None,
                     "title": None, "path": None, "url": None},
        "attributions": [{
            "id": "A1", "kind": "indirect",
            "source": {"text": "the radio", "start": TEXT.index("the radio"),
                       "end": TEXT.index("the radio") + 9, "name": "the radio", "actor": None},
            "cue": {"text": "said", "start": cue, "end": cue + 4},
            "content": {"text": "nine people were injured", "start": cue + 5,
                        "end": cue + 29},
            "channel": None,
            "cites": [{"text": "hospital sources", "start": 38, "end": 54,
                       "name": "hospital sources", "actor": None}],
            "cited_by": [{"text": "x", "start": 0, "end": 1, "name": "Wire Service",
                          "actor": None}],
        }],
        "events": [], "places": [], "actors": [], "disagreements": [],
        "figures": [{
            "id": "F1", "category": "injured",
            "count": {"text": "nine", "start": cue + 5, "end": cue + 9, "low": 9, "high": 9,
                      "exact": True},
            "trigger": {"text": "injured", "start": cue + 22, "end": cue + 29},
            "who": None, "location": None, "event": None, "attribution": "A1"}],
    }


def test_evidence_sentence_is_the_sentence_around_the_span():
    start = TEXT.index("nine")
    assert evidence_sentence(TEXT, start, start + 4) == (
        "Citing hospital sources, the radio said nine people were injured.")


def test_source_chain_lists_source_then_cited_sources_then_carrier():
    record = _record()
    assert source_chain(record, "A1") == "the radio <- hospital sources (via Wire Service)"
    assert source_chain(record, None) == "Harbour Post (own voice)"


def test_format_record_shows_figure_with_chain_and_evidence():
    shown = format_record(_record())
    assert "F1 injured 9" in shown
    assert "source: the radio <- hospital sources" in shown
    assert "evidence: Citing hospital sources, the radio said nine people were injured." in shown


def test_a_place_the_text_does_not_give_says_where_it_comes_from():
    record = _record()
    record["places"] = [{"id": "P1", "text": "PORTVALE", "start": 0, "end": 8,
                         "name": "Portvale", "country": "ZZ", "lat": 1.5, "lon": 2.5, "kind": "city", "geonameid": None}]
    figure = record["figures"][0]
    figure["location"] = {"place": "P1"}
    assert "F1 injured 9 in Portvale " in format_record(record) + " "
    figure["location"] = {"place": "P1", "from": "dateline"}
    assert "in Portvale (from the dateline)" in format_record(record)
    figure["location"] = {"place": "P1", "from": "incident"}
    assert "in Portvale (from its incident)" in format_record(record)
