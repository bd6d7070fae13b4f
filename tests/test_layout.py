from eventledger.extract.base import is_excluded
from eventledger.extract.layout import classify_paragraph, layout_ranges

ARTICLE = (
    "Heavy rain flooded the river valley on Monday, officials said.\n\n"
    "Villages cut off by water\n\n"
    "Rescue teams reached three villages by boat, the fire service said.\n\n"
    "A rescue boat on the river near the old bridge (left) and a flooded road\n\n"
    "“We need more boats,” a volunteer said.\n"
)


def test_heading_and_caption_are_found():
    ranges = layout_ranges(ARTICLE)
    kinds = [(ARTICLE[start:end], kind) for start, end, kind in ranges]
    assert kinds == [
        ("Villages cut off by water", "heading"),
        ("A rescue boat on the river near the old bridge (left) and a flooded road", "caption"),
    ]


def test_running_text_is_not_a_heading():
    assert classify_paragraph("Rescue teams reached three villages by boat.") is None
    assert classify_paragraph("“We need more boats,” a volunteer said.") is None
    assert classify_paragraph("“What comes next?") is None


def test_single_paragraph_text_has_no_headings():
    assert layout_ranges("Police closed the road near the port") == []


def test_pipeline_marks_excluded_ranges(nlp):
    doc = nlp(ARTICLE)
    heading = ARTICLE.index("Villages cut off")
    assert is_excluded(doc, heading, heading + 8)
    assert not is_excluded(doc, 0, 10)


def test_hard_wrapped_lines_are_running_text():
    text = ("Rescue teams reached three villages by boat on Tuesday after the river\n"
            "broke its banks, the fire service said.\n"
            "More rain is expected.\n")
    assert layout_ranges(text) == []


def test_long_line_without_stop_is_a_caption_only_without_a_finite_verb(bare_nlp):
    caption = ("Smoke over the harbour district after the explosion, seen from the "
               "northern hills near the old ferry terminal")
    cut = ("The officers responding to the call came under fire from inside the house "
           "near the old ferry terminal")
    text = f"Officials gave no details.\n\n{caption}\n\n{cut}\n\nThe road stays closed."
    kinds = [(text[a:b], k) for a, b, k in layout_ranges(text, doc=bare_nlp(text))]
    assert kinds == [(caption, "caption")]


def test_a_labelled_or_credited_caption_is_one_even_with_a_full_stop():
    assert classify_paragraph("Photo: Trucks wait at the checkpoint on Tuesday.") == "caption"
    assert classify_paragraph("Caption: officials said the road was cleared.") == "caption"
    assert (
        classify_paragraph("Trucks wait at the checkpoint on Tuesday. (Photo: Lena Ors)")
        == "caption"
    )
    # A photo named in running text is no label or credit.
    assert classify_paragraph("The photo showed trucks at the checkpoint, officials said.") is None
    assert classify_paragraph("Officials said the photo: was taken on Monday.") is None


def test_no_attribution_comes_from_a_labelled_caption(nlp):
    text = (
        "Photo: officials said the road near the checkpoint was cleared on Tuesday.\n\n"
        "The convoy reached the port on Wednesday, the relief agency said.\n"
    )
    doc = nlp(text)
    assert [a["cue"]["start"] for a in doc._.el_attributions] == [text.rindex("said")]
