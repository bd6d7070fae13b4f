"""Near-duplicates: one wire story on two sites is found, unrelated stories are not."""

from __future__ import annotations

import pytest

from eventledger.ingest.neardup import NearDuplicateIndex, shingles

WIRE_BODY = """The regional water authority said on Tuesday that it would raise the level of the
Stonebridge reservoir by two metres over the next three years to secure supplies for a
growing population. The project will cost about 80 million dollars and will be paid for
through a loan from the national development bank, the authority said in a statement.
Engineers will strengthen the existing dam wall before the water level is raised, and a
new spillway will be built on the eastern side of the valley. Farmers downstream have
asked for guarantees that the flow of the river will not fall during the dry months.
A spokesperson for the farmers' association said its members depended on the river to
irrigate more than four thousand hectares of orchards and vegetable fields. The
authority said a minimum flow would be written into the operating rules of the dam and
that an independent panel would check the figures every year. Environmental groups
said they would study the plans closely because the higher water level would flood part
of a wetland used by migrating birds in spring and autumn. The authority said it would
create a new wetland of the same size further up the valley and would monitor bird
numbers for ten years. Public hearings on the plan will be held in three towns next
month, and the final decision is expected before the end of the year. The reservoir
supplies drinking water to about half a million people in the region, and demand has
risen by a fifth over the past decade, according to the authority's own figures."""

SITE_A = "STONEBRIDGE (Wire) - Reservoir to grow. " + WIRE_BODY + " Reporting by the wire desk."
SITE_B = (
    "Officials have unveiled a long-awaited plan for the reservoir. "
    + WIRE_BODY
    + " Readers can send their views to the letters page."
)
UNRELATED = """The town of Marsh End will hold its annual music festival in a new park this
summer after the old showground was sold to a housing developer, the organisers said on
Friday. The festival, which started twenty years ago as a single evening of brass band
concerts, now runs for four days and draws visitors from across the country. Tickets
will go on sale in March, and the organisers said prices would stay the same as last
year despite higher costs for stages and security. Local hotels said they were already
fully booked for the festival weekend, and the council has agreed to run extra buses
from the railway station. A group of residents living next to the new park said they
were worried about noise late at night, and the organisers promised that music would
stop at eleven o'clock each evening."""


@pytest.fixture(scope="module")
def index():
    idx = NearDuplicateIndex()
    idx.add("site-a", idx.signature(SITE_A))
    idx.add("unrelated", idx.signature(UNRELATED))
    return idx


def test_wire_story_on_two_sites_is_found(index):
    matches = index.query(index.signature(SITE_B))
    assert [doc_id for doc_id, _ in matches] == ["site-a"]
    assert 0.8 <= matches[0][1] <= 1.0


def test_unrelated_story_is_not_found(index):
    extra = "The Marsh End festival will move to a new park this summer. " + UNRELATED[:200]
    assert all(doc_id != "site-a" for doc_id, _ in index.query(index.signature(extra)))
    assert "unrelated" not in dict(index.query(index.signature(SITE_B)))


def test_same_text_same_signature_and_full_similarity(index):
    other = NearDuplicateIndex()
    assert other.signature(SITE_A) == index.signature(SITE_A)  # fixed seed
    # Case and spacing do not matter: shingles come from the normalised, lower-cased text.
    assert index.signature(SITE_A.upper().replace(" ", "  ")) == index.signature(SITE_A)
    assert index.query(index.signature(SITE_A)) == [("site-a", 1.0)]


def test_results_best_first_and_adding_twice_is_harmless():
    idx = NearDuplicateIndex(threshold=0.5)
    idx.add("exact", idx.signature(SITE_A))
    idx.add("exact", idx.signature(SITE_A))
    idx.add("close", idx.signature(SITE_B))
    assert len(idx) == 2 and "close" in idx
    matches = idx.query(idx.signature(SITE_A))
    assert [doc_id for doc_id, _ in matches] == ["exact", "close"]
    assert matches[0][1] > matches[1][1]


def test_signature_of_wrong_size_is_refused():
    idx = NearDuplicateIndex(num_perm=64)
    assert len(idx.signature(SITE_A)) == 64 * 8
    with pytest.raises(ValueError, match="expects 512"):
        idx.query(NearDuplicateIndex(num_perm=128).signature(SITE_A))


def test_shingles_are_word_five_grams():
    assert shingles("One two three four five six") == {
        "one two three four five",
        "two three four five six",
    }
    assert shingles("Short text") == {"short text"}
    assert shingles("") == set()
