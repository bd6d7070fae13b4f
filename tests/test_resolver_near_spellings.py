"""The resolver: a near spelling of a place name counts only in a country the text
names; elsewhere it is no place rather than a far wrong one."""

from __future__ import annotations

from eventledger.geo.resolver import default_resolver


def _picks(text, *names):
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return [(p.name, p.country) if p else None
            for p in default_resolver().resolve_mentions(text, spans)]


def test_near_spelling_in_a_country_the_text_never_names_is_no_place():
    text = "Soldiers came under fire in Anderstown, west of Belfast, on Monday."
    assert _picks(text, "Anderstown", "Belfast") == [None, ("Belfast", "GB")]


def test_near_spelling_in_the_text_s_country_is_that_place():
    text = "Soldiers came under fire in Tamperre and Helsinki on Monday."
    assert _picks(text, "Tamperre", "Helsinki") == [("Tampere", "FI"), ("Helsinki", "FI")]


def test_near_spelling_with_no_country_to_go_by_is_kept():
    # nothing in the text says where it is: the nearest spelling is all there is
    assert _picks("Soldiers came under fire in Anderstown on Monday.", "Anderstown") == [
        ("Anderson", "US")]
