"""eventledger eval polnear: reading PolNeAR's brat files."""

from __future__ import annotations

from eventledger.eval.polnear import Item, read_ann


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
