"""The trained attribution span tagger and the attributions made from its spans."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from eventledger.errors import ConfigError
from eventledger.extract import span_transformer
from eventledger.extract.attribution_spans import (
    SPANS_KEY,
    AttributionSpansTagger,
    packaged_model_path,
)
from eventledger.extract.attributions import AttributionsExtractor
from eventledger.extract.attributions.component import tagger_settings


def rules_only(nlp, continued_quotes: str = "separate", **modes: str) -> AttributionsExtractor:
    return AttributionsExtractor(
        nlp, "rules", extra_cues_path=None, min_quote_words=3, continued_quotes=continued_quotes,
        **modes,
    )


def tenant_tagged(nlp):
    """An invented report with the tagger's source, cue and content set by hand."""
    doc = nlp("The tenant grumbled that the heating was broken.")
    doc.spans[SPANS_KEY] = [
        Span(doc, 0, 2, label="SOURCE"),
        Span(doc, 2, 3, label="CUE"),
        Span(doc, 3, 8, label="CONTENT"),
    ]
    return doc


def tagger_span(doc):
    """``words(first, last, label)``: a span as the tagger would give it, from the words
    ``first`` to ``last`` of ``doc``'s text."""

    def words(first: str, last: str, label: str) -> Span:
        found = doc.char_span(doc.text.index(first), doc.text.index(last) + len(last))
        return Span(doc, found.start, found.end, label=label)

    return words


def contents_with_tagged(nlp, text: str, tagged: tuple[int, int] | None, **options) -> list[str]:
    """The rules' contents, with ``tagged`` as the one tagged content (None: as if no
    tagger had run)."""
    doc = nlp(text)
    if tagged is None:
        del doc.spans[SPANS_KEY]
    else:
        doc.spans[SPANS_KEY] = [Span(doc, *tagged, label="CONTENT")]
    rules_only(nlp, **options)(doc)
    return [a["content"]["text"] for a in doc._.el_attributions]


def test_packaged_model_tags_a_reported_clause(nlp):
    doc = nlp("The mayor said on Tuesday that the bridge would reopen in May.")
    spans = {(s.label_, s.text) for s in doc.spans[SPANS_KEY]}
    assert ("SOURCE", "The mayor") in spans
    # PolNeAR's cues may take the verb's modifiers along ("said on Tuesday").
    assert any(label == "CUE" and text.startswith("said") for label, text in spans)
    contents = [s.text for s in doc.spans[SPANS_KEY] if s.label_ == "CONTENT"]
    assert len(contents) == 1 and "the bridge would reopen in May" in contents[0]


def test_spans_found_in_batches_match_one_by_one(nlp):
    texts = [
        "Officials said the road was closed.",
        "The union argued that wages had fallen for three years.",
    ]
    single = [nlp(t) for t in texts]
    batch = list(nlp.pipe(texts))
    assert [[(s.label_, s.start, s.end) for s in d.spans[SPANS_KEY]] for d in batch] == [
        [(s.label_, s.start, s.end) for s in d.spans[SPANS_KEY]] for d in single
    ]


def test_learned_content_becomes_an_attribution_with_cue_and_source(nlp):
    doc = tenant_tagged(nlp)
    rules_only(nlp)(doc)
    (attribution,) = doc._.el_attributions
    assert attribution["content"]["text"] == "the heating was broken"  # "that" trimmed
    assert attribution["cue"]["text"] == "grumbled"
    assert attribution["source"]["text"] == "The tenant"
    assert attribution["kind"] == "indirect"


def test_a_learned_content_loses_a_preposition_whose_object_it_left_out(nlp):
    doc = nlp("The tenant grumbled about the state of the stairs on Sunday.")
    doc.spans[SPANS_KEY] = [
        Span(doc, 0, 2, label="SOURCE"),
        Span(doc, 2, 3, label="CUE"),
        Span(doc, 4, 10, label="CONTENT"),  # "the state of the stairs on"
    ]
    rules_only(nlp)(doc)
    (attribution,) = doc._.el_attributions
    assert attribution["content"]["text"] == "the state of the stairs"


def test_a_learned_content_takes_the_noun_it_stopped_short_of(nlp):
    doc = nlp("The militia denied shelling the district.")
    doc.spans[SPANS_KEY] = [
        Span(doc, 0, 2, label="SOURCE"),
        Span(doc, 2, 3, label="CUE"),
        Span(doc, 3, 5, label="CONTENT"),  # "shelling the"
    ]
    rules_only(nlp)(doc)
    (attribution,) = doc._.el_attributions
    assert attribution["content"]["text"] == "shelling the district"


def test_a_learned_content_of_only_a_speaker_and_cue_is_no_attribution(nlp):
    doc = nlp("Aid workers warned that the road was closed, according to the relief agency.")
    words = tagger_span(doc)
    doc.spans[SPANS_KEY] = [
        words("Aid", "warned", "CONTENT"),  # the nested report, cut short
        words("according", "to", "CUE"),
        words("the relief", "agency", "SOURCE"),
        words("the road", "closed", "CONTENT"),
    ]
    rules_only(nlp)(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == ["the road was closed"]


def test_a_learned_participle_asking_at_the_start_has_no_source(nlp):
    # "Pressed on" is no cue of the rules': the tagger's reading alone.
    doc = nlp("Pressed on the closure, the minister said the road would reopen.")
    words = tagger_span(doc)
    doc.spans[SPANS_KEY] = [
        words("Pressed", "on", "CUE"),
        words("the closure", "closure", "CONTENT"),
        words("the minister", "minister", "SOURCE"),
        words("said", "said", "CUE"),
        words("the road", "reopen", "CONTENT"),
    ]
    rules_only(nlp)(doc)
    by_cue = {a["cue"]["text"]: a for a in doc._.el_attributions}
    assert by_cue["Pressed on"]["source"] is None  # the minister was pressed, not pressing
    assert by_cue["said"]["source"]["text"] == "the minister"


def test_each_tagged_span_has_a_confidence_between_zero_and_one(nlp):
    doc = nlp("The mayor said on Tuesday that the bridge would reopen in May.")
    group = doc.spans[SPANS_KEY]
    scores = group.attrs["scores"]
    assert len(scores) == len(group) > 0
    assert all(0.0 < score <= 1.0 for score in scores)
    # A plain report is one the tagger is sure of.
    assert min(scores) > 0.8


def test_a_learned_content_the_tagger_is_unsure_of_is_no_attribution(nlp):
    doc = tenant_tagged(nlp)
    doc.spans[SPANS_KEY].attrs["scores"] = [0.9, 0.9, 0.55]
    rules_only(nlp)(doc)
    assert doc._.el_attributions == []
    doc.spans[SPANS_KEY].attrs["scores"] = [0.9, 0.9, 0.95]
    rules_only(nlp)(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == ["the heating was broken"]


def test_the_taggers_thresholds_are_settings_of_the_component(nlp):
    doc = tenant_tagged(nlp)
    doc.spans[SPANS_KEY].attrs["scores"] = [0.9, 0.5, 0.55]
    rules_only(nlp)(doc)
    assert doc._.el_attributions == []
    # A component that takes less sure contents of the tagger takes this one.
    settings = {**nlp.get_pipe_config("eventledger_attributions"), "tagger_min_score": 0.5}
    lenient = AttributionsExtractor(
        nlp, "lenient", extra_cues_path=None, min_quote_words=3, continued_quotes="separate",
        tagger=tagger_settings(settings),
    )
    lenient(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == ["the heating was broken"]


def test_the_taggers_thresholds_come_with_its_model_unless_set(nlp):
    doc = tenant_tagged(nlp)
    doc.spans[SPANS_KEY].attrs["scores"] = [0.9, 0.5, 0.55]
    # the shipped model's span_transformer.json gives its thresholds to its spans
    tagged = nlp("Officials said the road was closed.").spans[SPANS_KEY]
    assert tagged.attrs["thresholds"]["min_score"] == 0.7
    # a model that takes less sure contents: its spans bring its thresholds
    doc.spans[SPANS_KEY].attrs["thresholds"] = {"min_score": 0.5}
    component = AttributionsExtractor(nlp, "a", extra_cues_path=None, min_quote_words=3,
                                      continued_quotes="separate")
    component(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == ["the heating was broken"]
    # the component's own setting comes first
    strict = AttributionsExtractor(nlp, "b", extra_cues_path=None, min_quote_words=3,
                                   continued_quotes="separate",
                                   tagger_config={"tagger_min_score": 0.7})
    strict(doc)
    assert doc._.el_attributions == []


@pytest.mark.parametrize(
    ("key", "value"), [("tagger_min_score", 1.5), ("tagger_cue_gap", -1), ("tagger_agreement", "x")]
)
def test_a_tagger_threshold_out_of_range_is_refused(nlp, key, value):
    settings = {**nlp.get_pipe_config("eventledger_attributions"), key: value}
    with pytest.raises(ConfigError, match=key):
        tagger_settings(settings)


def test_a_less_sure_content_is_taken_when_the_tagger_is_sure_of_its_cue(nlp):
    doc = tenant_tagged(nlp)
    # Less sure of the content than a content standing alone needs, sure of its cue.
    settings = tagger_settings(nlp.get_pipe_config("eventledger_attributions"))
    content_score = (settings.min_score_sure_cue + settings.min_score) / 2
    unsure_cue = settings.sure_cue - 0.05
    doc.spans[SPANS_KEY].attrs["scores"] = [0.9, 0.95, content_score]
    rules_only(nlp)(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == ["the heating was broken"]
    # Unsure of both the content and its cue: no attribution.
    doc.spans[SPANS_KEY].attrs["scores"] = [0.9, unsure_cue, content_score]
    rules_only(nlp)(doc)
    assert doc._.el_attributions == []


def test_a_learned_content_ends_before_the_speakers_next_report(nlp):
    doc = nlp("The spokesman said two soldiers were killed and called for calm.")
    assert doc[8].text == "called"
    doc.spans[SPANS_KEY] = [
        Span(doc, 0, 2, label="SOURCE"),
        Span(doc, 2, 3, label="CUE"),
        Span(doc, 3, 11, label="CONTENT"),  # "two soldiers ... called for calm"
    ]
    rules_only(nlp)(doc)
    said, called = doc._.el_attributions
    assert said["content"]["text"] == "two soldiers were killed"
    # The tagger read the next report as part of the claim, so it stands as a report.
    assert (called["cue"]["text"], called["content"]["text"]) == ("called", "calm")
    assert called["source"]["text"] == "The spokesman"


def test_a_learned_content_keeps_a_conjoined_verb_of_its_own(nlp):
    doc = nlp("The envoy wrote that he would be glad to call and talk about the talks.")
    doc.spans[SPANS_KEY] = [
        Span(doc, 0, 2, label="SOURCE"),
        Span(doc, 2, 3, label="CUE"),
        Span(doc, 3, 15, label="CONTENT"),
    ]
    rules_only(nlp)(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == [
        "he would be glad to call and talk about the talks"
    ]


def test_learned_content_far_from_any_cue_is_no_attribution(nlp):
    text = (
        "The heating was broken for a week in the old building on the hill near the river, "
        "and the tenants of the lower floors moved to the school hall until the repair was done."
    )
    doc = nlp(text)
    assert len(doc) > 30
    doc.spans[SPANS_KEY] = [Span(doc, 0, 4, label="CONTENT"), Span(doc, 30, 31, label="CUE")]
    rules_only(nlp)(doc)
    assert doc._.el_attributions == []
    doc.spans[SPANS_KEY] = [Span(doc, 0, 4, label="CONTENT"), Span(doc, 4, 5, label="CUE")]
    rules_only(nlp)(doc)
    (attribution,) = doc._.el_attributions
    assert attribution["cue"]["text"] == "for" and attribution["source"] is None


def test_rule_attribution_is_not_repeated_by_an_overlapping_learned_one(nlp):
    doc = nlp("The minister said that the talks had failed.")
    doc.spans[SPANS_KEY] = [Span(doc, 4, 8, label="CONTENT")]
    rules_only(nlp)(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == ["the talks had failed"]


def test_a_cue_the_rules_used_gives_no_second_attribution(nlp):
    doc = nlp("The council asked the agency to confirm the figures.")
    doc.spans[SPANS_KEY] = [
        Span(doc, 2, 3, label="CUE"),
        Span(doc, 3, 5, label="CONTENT"),
        Span(doc, 5, 9, label="CONTENT"),
    ]
    rules_only(nlp)(doc)
    assert [a["content"]["text"] for a in doc._.el_attributions] == [
        "the agency to confirm the figures"
    ]


def test_a_tagged_content_that_agrees_with_one_attribution_drops_its_pieces(nlp):
    text = "The mayor said they doubted the budget was short."
    assert contents_with_tagged(nlp, text, None) == [
        "they doubted the budget was short",
        "the budget was short",
    ]
    # The tagger reads one claim over the mayor's words: the inner report is part of it.
    assert contents_with_tagged(nlp, text, (3, 9)) == ["they doubted the budget was short"]
    # A tagged content that agrees with the inner one drops nothing of the outer.
    assert contents_with_tagged(nlp, text, (5, 9)) == [
        "they doubted the budget was short",
        "the budget was short",
    ]


def test_a_named_speaker_inside_a_tagged_claim_stays_as_a_chain(nlp):
    text = "The mayor said the council claimed the budget was short."
    assert contents_with_tagged(nlp, text, (3, 9)) == [
        "the council claimed the budget was short",
        "the budget was short",
    ]


def test_continued_quotes_kept_separate_are_never_pieces(nlp):
    text = "\u201cThe bridge is closed,\u201d the engineer said. \u201cIt will open in May.\u201d"
    doc = nlp(text)
    whole = (0, len(doc))
    assert contents_with_tagged(nlp, text, whole) == ["The bridge is closed", "It will open in May"]
    joined = contents_with_tagged(nlp, text, whole, continued_quotes="join")
    assert len(joined) == 1 and joined[0].startswith("The bridge is closed")


def test_learned_content_in_a_heading_is_left_out(nlp):
    doc = nlp("Talks fail, minister says\n\nThe talks ended on Monday without a deal.")
    doc.spans[SPANS_KEY] = [Span(doc, 0, 2, label="CONTENT"), Span(doc, 4, 5, label="CUE")]
    rules_only(nlp)(doc)
    assert all(a["content"]["start"] > 25 for a in doc._.el_attributions)


def test_missing_model_is_a_config_error(nlp, tmp_path):
    with pytest.raises(ConfigError, match="attribution span model"):
        AttributionSpansTagger(nlp, "spans", model_path=str(tmp_path / "none"), batch_size=8)


def test_packaged_model_is_the_fine_tuned_tagger():
    folder = packaged_model_path()
    assert (folder / span_transformer.CONFIG_FILE).is_file()
    assert (folder / span_transformer.WEIGHTS_FILE).is_file()
    tagger = span_transformer.load(str(folder))
    assert tagger.labels == span_transformer.bio_labels(["CONTENT", "CUE", "SOURCE"])


def tagged_as(nlp, text: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    doc = nlp(text)
    doc.spans[SPANS_KEY] = [Span(doc, start, end, label=label) for start, end, label in spans]
    rules_only(nlp)(doc)
    return doc._.el_attributions


def test_a_rule_attribution_the_tagger_reads_as_no_claim_is_dropped(nlp):
    text = "The council said the new bridge was a success."
    assert contents_with_tagged(nlp, text, None) == ["the new bridge was a success"]
    assert tagged_as(nlp, text, []) == []
    # A tagged content elsewhere does not confirm it either.
    assert tagged_as(nlp, text, [(0, 2, "CONTENT")]) == []


def test_a_direct_quotation_stands_without_the_tagger(nlp):
    text = "\u201cThe bridge will open in May,\u201d the engineer said."
    (quote,) = tagged_as(nlp, text, [])
    assert quote["kind"] == "direct" and quote["source"]["text"] == "the engineer"


def test_tagged_pieces_around_an_aside_confirm_the_whole_content(nlp):
    text = "Many of the shops, she said, have closed since the spring."
    doc = nlp(text)
    said = next(t.i for t in doc if t.text == "said")
    pieces = [(0, said - 2, "CONTENT"), (said + 2, len(doc) - 1, "CONTENT")]
    (attribution,) = tagged_as(nlp, text, pieces)
    assert attribution["content"]["text"] == "Many of the shops, she said, have closed since the spring"


def tagged_source(nlp, text: str, source_words: str) -> str:
    """The source of the one attribution when the tagger marks ``source_words`` (and the
    rules' content) and nothing else."""
    doc = nlp(text)
    rules_only(nlp)(doc)
    (rule,) = doc._.el_attributions
    content = doc.char_span(rule["content"]["start"], rule["content"]["end"])
    start = text.index(source_words)
    source = doc.char_span(start, start + len(source_words))
    doc.spans[SPANS_KEY] = [
        Span(doc, content.start, content.end, label="CONTENT"),
        Span(doc, source.start, source.end, label="SOURCE"),
    ]
    rules_only(nlp)(doc)
    (attribution,) = doc._.el_attributions
    return attribution["source"]["text"]


def test_a_tagged_source_replaces_a_common_noun_the_tagger_does_not_see_as_one(nlp):
    text = "The report said on behalf of the minister that the port was closed."
    assert tagged_source(nlp, text, "the minister") == "the minister"


def test_a_tagged_source_that_speaks_for_another_report_replaces_no_source(nlp):
    text = (
        "Police fired tear gas at the crowd on Saturday, witnesses said, and the interior "
        "ministry said 46 people had been detained."
    )
    doc = nlp(text)
    words = [t.text for t in doc]
    police, saturday = words.index("Police"), words.index("Saturday")
    ministry, detained = words.index("interior") - 1, words.index("detained")
    # The tagger misses the witnesses and marks only the ministry as a source.
    found = tagged_as(nlp, text, [
        (police, saturday + 1, "CONTENT"),
        (ministry, ministry + 3, "SOURCE"),
        (ministry + 4, detained + 1, "CONTENT"),
    ])
    sources = {a["content"]["text"]: a["source"]["text"] for a in found}
    assert sources == {
        "Police fired tear gas at the crowd on Saturday": "witnesses",
        "46 people had been detained": "the interior ministry",
    }


def test_a_named_source_stays_whatever_the_tagger_marks(nlp):
    text = "Mayor Lina Ode said on behalf of the minister that the port was closed."
    assert tagged_source(nlp, text, "the minister") == "Mayor Lina Ode"


def test_a_tagged_name_apposed_to_the_source_leaves_it_as_written(nlp):
    text = "The harbour master, Ines Varga, said the port was closed."
    assert tagged_source(nlp, text, "Ines Varga").startswith("The harbour master")


NOTICE = "The notice on the town hall door was short: \u201cThe hall stays closed until the roof is repaired.\u201d"


def test_a_quotation_no_verb_reports_takes_the_tagged_cue_beside_it(nlp):
    (bare,) = tagged_as(nlp, NOTICE, [])
    assert bare["kind"] == "direct" and bare["cue"] is None
    colon = (NOTICE.index(":"), NOTICE.index(":") + 1)
    (quote,) = tagged_as(nlp, NOTICE, [(9, 10, "CUE"), (0, 7, "SOURCE")])
    assert (quote["cue"]["start"], quote["cue"]["end"]) == colon
    assert quote["source"]["text"] == "The notice on the town hall door"
    assert quote["content"]["text"] == "The hall stays closed until the roof is repaired"


def test_a_tagged_cue_inside_the_quotation_is_not_its_cue(nlp):
    doc = nlp(NOTICE)
    stays = next(t.i for t in doc if t.text == "stays")
    (quote,) = tagged_as(nlp, NOTICE, [(stays, stays + 1, "CUE")])
    assert quote["cue"] is None


def test_tagged_cue_and_source_lose_the_punctuation_at_their_edges(nlp):
    doc = nlp("The tenant, Mr. Osei, grumbled: the heating was broken.")
    grumbled = next(t.i for t in doc if t.text == "grumbled")
    doc.spans[SPANS_KEY] = [
        Span(doc, 0, grumbled, label="SOURCE"),  # "The tenant, Mr. Osei,"
        Span(doc, grumbled, grumbled + 2, label="CUE"),  # "grumbled:"
        Span(doc, grumbled + 2, len(doc) - 1, label="CONTENT"),
    ]
    rules_only(nlp)(doc)
    (attribution,) = doc._.el_attributions
    assert attribution["source"]["text"] == "The tenant, Mr. Osei"
    assert attribution["cue"]["text"] == "grumbled"
    assert attribution["content"]["text"] == "the heating was broken"


def test_a_report_the_tagger_reads_as_an_aside_inside_the_claim_gives_the_whole_claim(nlp):
    claim = (
        "A convoy of 40 aid trucks reached Port Selin on Wednesday, the relief agency said, "
        "after it was held for three days at a checkpoint north of the city"
    )
    text = claim + ".\n\nMaria Kovach, a spokeswoman for the agency, said the trucks carried food."
    rule = "A convoy of 40 aid trucks reached Port Selin on Wednesday"
    # The rules, too, read the aside as inside the claim, at the end of a paragraph as well.
    assert claim in contents_with_tagged(nlp, text, None)
    doc = nlp(text)
    end = next(t.i for t in doc if t.text == "city")
    # The claim with the aside inside, as PolNeAR marks it, confirms the rules' reading
    # and gives its extent.
    assert contents_with_tagged(nlp, text, (0, end + 1))[0] == claim
    # A tagged content that starts after the aside does not.
    after = next(t.i for t in doc if t.text == "after")
    found = contents_with_tagged(nlp, text, (after, end + 1))
    assert rule not in found and claim not in found


def test_words_after_the_aside_that_hang_on_its_cue_stay_out_of_the_claim(nlp):
    text = (
        "Four civilians were killed when shells struck the market in Dravin on Monday, "
        "local officials said, as fighting along the eastern front intensified."
    )
    doc = nlp(text)
    end = next(t.i for t in doc if t.text == "intensified")
    # "as fighting intensified" is the writer's context for the report, not what the
    # officials said: the report keeps the rules' content.
    assert contents_with_tagged(nlp, text, (0, end + 1)) == [
        "Four civilians were killed when shells struck the market in Dravin on Monday"
    ]


def test_a_report_whose_tagged_claim_goes_on_with_a_relative_clause_stays(nlp):
    text = (
        "Two officials said the commander was Hassan Idris, who had led the group "
        "since 2021."
    )
    rule = "the commander was Hassan Idris"
    assert contents_with_tagged(nlp, text, None) == [rule]
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "commander") - 1
    end = next(t.i for t in doc if t.text == "2021")
    # The tagger reads the relative clause as part of the claim: the claim is its reading.
    assert contents_with_tagged(nlp, text, (start, end + 1)) == [
        "the commander was Hassan Idris, who had led the group since 2021"
    ]


def test_a_learned_attribution_takes_the_channel_of_its_cue_verb(nlp):
    # "mourn" is no cue of the lexicon: only the tagger reports it.
    text = "The deputy leader mourned the fighters in an audio message posted online."
    doc = nlp(text)
    words = [t.text for t in doc]
    cue, fighters = words.index("mourned"), words.index("fighters")
    (learned,) = tagged_as(nlp, text, [
        (0, cue, "SOURCE"), (cue, cue + 1, "CUE"), (cue + 1, fighters + 1, "CONTENT"),
    ])
    assert learned["content"]["text"] == "the fighters"
    assert learned["channel"]["text"] == "audio message posted online"


def test_a_tagged_claim_stops_before_what_the_speaker_did_besides(nlp):
    text = (
        "The relief agency said its teams had helped evacuate 60 wounded people but gave "
        "no figure for the dead."
    )
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "its")
    end = next(t.i for t in doc if t.text == "dead")
    assert contents_with_tagged(nlp, text, (start, end + 1)) == [
        "its teams had helped evacuate 60 wounded people"
    ]
    text = "The commander said the town had fallen, speaking to reporters in Orsk."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "the")
    assert contents_with_tagged(nlp, text, (start, len(doc) - 2)) == ["the town had fallen"]


def test_a_learned_content_takes_no_cue_from_the_paragraph_before(nlp):
    text = (
        "The minister said the crossing would reopen, according to the agency.\n\n"
        "The port stayed shut for a week."
    )
    doc = nlp(text)
    cue = doc.char_span(text.index("according"), text.index(" the agency"))
    content = doc.char_span(text.index("The port"), text.index(" for a week"))
    for tagged_cue in (cue, doc.char_span(text.index("stayed"), text.index(" shut"))):
        doc.spans[SPANS_KEY] = [
            Span(doc, content.start, content.end, label="CONTENT"),
            Span(doc, tagged_cue.start, tagged_cue.end, label="CUE"),
        ]
        rules_only(nlp)(doc)
        learned = [a for a in doc._.el_attributions if a["content"]["text"] == "The port stayed shut"]
        # Only a cue in the content's own paragraph reports it.
        assert len(learned) == (tagged_cue is not cue)


def test_a_learned_content_takes_its_cue_from_a_paragraph_that_announces_it(nlp):
    text = "The envoy wrote:\n\nThe port stayed shut for a week."
    doc = nlp(text)
    content = doc.char_span(text.index("The port"), text.index(" for a week"))
    doc.spans[SPANS_KEY] = [
        Span(doc, content.start, content.end, label="CONTENT"),
        Span(doc, 2, 3, label="CUE"),
        Span(doc, 0, 2, label="SOURCE"),
    ]
    rules_only(nlp)(doc)
    learned = [a for a in doc._.el_attributions if a["content"]["text"] == "The port stayed shut"]
    assert [(a["source"]["text"], a["cue"]["text"]) for a in learned] == [("The envoy", "wrote")]


def test_a_named_report_inside_a_tagged_claim_that_nothing_reports_stays(nlp):
    text = "The newspaper said that 14 ships were turned away. Officials confirmed it."
    doc = nlp(text)
    claim = doc.char_span(0, text.index("."))
    confirmed = doc.char_span(text.index("confirmed"), text.index(" it."))
    doc.spans[SPANS_KEY] = [Span(doc, claim.start, claim.end, label="CONTENT")]
    rules_only(nlp)(doc)
    (a,) = doc._.el_attributions
    assert (a["source"]["text"], a["content"]["text"]) == ("The newspaper", "14 ships were turned away")
    # A cue beside the tagged claim reports the claim; the report inside it is a piece.
    doc.spans[SPANS_KEY] = [
        Span(doc, claim.start, claim.end, label="CONTENT"),
        Span(doc, confirmed.start, confirmed.end, label="CUE"),
    ]
    rules_only(nlp)(doc)
    (a,) = doc._.el_attributions
    assert a["cue"]["text"] == "confirmed"


def test_only_a_plain_reporting_verb_inside_an_unreported_claim_stays(nlp):
    found = {}
    for verb in ("said", "argued"):
        text = f"The council {verb} that the bridge was unsafe."
        doc = nlp(text)
        doc.spans[SPANS_KEY] = [Span(doc, 0, len(doc) - 1, label="CONTENT")]
        rules_only(nlp)(doc)
        found[verb] = [a["content"]["text"] for a in doc._.el_attributions]
    assert found == {"said": ["the bridge was unsafe"], "argued": []}


def test_a_learned_attribution_takes_no_source_from_the_paragraph_before(nlp):
    text = (
        "Nine died, according to a tally by the Courier.\n\n"
        "The tenants grumbled that the heating was broken."
    )
    doc = nlp(text)
    words = tagger_span(doc)

    tally = words("a tally", "Courier", "SOURCE")
    claim = [words("grumbled", "grumbled", "CUE"), words("the heating", "broken", "CONTENT")]
    tenants = words("The tenants", "tenants", "SOURCE")
    for tagged, source in (([tally], None), ([tally, tenants], "The tenants")):
        doc.spans[SPANS_KEY] = [*tagged, *claim]
        rules_only(nlp)(doc)
        (a,) = [a for a in doc._.el_attributions if a["cue"]["text"] == "grumbled"]
        assert (a["source"]["text"] if a["source"] else None) == source


def test_a_learned_report_by_a_participle_is_the_speaker_of_the_verb_it_hangs_on(nlp):
    text = '"We found 18 cases," the group said, imploring the authorities to open an inquiry.'
    doc = nlp(text)
    words = tagger_span(doc)

    doc.spans[SPANS_KEY] = [
        words("We found", "cases", "CONTENT"),
        words("imploring", "imploring", "CUE"),
        words("the authorities", "inquiry", "CONTENT"),
    ]
    rules_only(nlp)(doc)
    (a,) = [a for a in doc._.el_attributions if a["cue"]["text"] == "imploring"]
    assert a["source"]["text"] == "the group"


def test_a_denial_of_a_report_the_tagger_confirms_stands_with_it(nlp):
    text = "The ministry's claim that its forces had retaken the bridge was denied by the rebels."
    doc = nlp(text)
    claim = doc.char_span(text.index("that its"), text.index(" was denied"))
    doc.spans[SPANS_KEY] = [Span(doc, claim.start, claim.end, label="CONTENT")]
    rules_only(nlp)(doc)
    found = {a["cue"]["text"]: a for a in doc._.el_attributions}
    assert set(found) == {"claim", "denied"}
    assert found["denied"]["source"]["text"] == "the rebels" and found["denied"]["negated"]



@pytest.mark.parametrize(
    "denial, kept",
    [
        ("The militia denied firing at the market.", "firing at the market"),
        ("The militia denied that it had fired at the market.", "it had fired at the market"),
        ("The militia denied any role in the attack.", "any role in the attack"),
        ("The militia denied reports of a ceasefire.", "reports of a ceasefire"),
        ("The militia denied the convoy entry to the town.", None),
        ("The court denied the request for bail.", None),
    ],
)
def test_a_denial_of_a_claim_stands_where_the_tagger_marks_nothing(nlp, denial, kept):
    doc = nlp(f"The mayor said the bridge had reopened. {denial}")
    words = tagger_span(doc)
    doc.spans[SPANS_KEY] = [words("the bridge", "reopened", "CONTENT")]
    rules_only(nlp)(doc)
    contents = [a["content"]["text"] for a in doc._.el_attributions]
    assert contents == ["the bridge had reopened"] + ([kept] if kept else [])
    if kept:
        assert doc._.el_attributions[1]["negated"] is True


def test_an_outlets_report_stands_once_where_the_tagger_reads_its_cue_too(nlp):
    text = (
        "\u201cThe bridge will reopen in May,\u201d the mayor will say, according to the "
        "Valley Herald.\n\nTraders were pleased."
    )
    doc = nlp(text)
    words = tagger_span(doc)
    doc.spans[SPANS_KEY] = [
        words("The bridge", "May", "CONTENT"),
        words("the mayor will say", "the mayor will say", "CONTENT"),
        words("according to", "according to", "CUE"),
        words("the Valley", "Herald", "SOURCE"),
    ]
    rules_only(nlp, continued_quotes="join", carried_reports="outer")(doc)
    (outlet,) = doc._.el_attributions
    assert outlet["cue"]["text"] == "according to"
    assert outlet["content"]["text"] == "The bridge will reopen in May,\u201d the mayor will say"


def test_a_tagged_cue_beside_the_content_replaces_a_rule_cue_the_tagger_passed_over(nlp):
    text = "The manager appeared on television and outlined how he thinks the campaign could win."

    def cue_of_content(*cues: str) -> str:
        doc = nlp(text)
        words = tagger_span(doc)
        doc.spans[SPANS_KEY] = [
            words("The manager", "manager", "SOURCE"),
            *(words(cue, cue, "CUE") for cue in cues),
            words("the campaign", "win", "CONTENT"),
        ]
        rules_only(nlp)(doc)
        (found,) = [a for a in doc._.el_attributions if a["content"]["text"].endswith("win")]
        assert found["source"]["text"] == "The manager"
        return found["cue"]["text"]

    assert cue_of_content("outlined") == "outlined"  # the rules took "thinks"
    # Where the tagger reads the rules' cue as one too, the rules' reading stands.
    assert cue_of_content("outlined", "thinks") == "thinks"
