"""A command's cold start: the collector paused while it loads, and the tagger's start
without transformers (its tokenizer read with the ``tokenizers`` package, and
eventledger's own MPNet encoder, each the same as transformers' to the bit)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import torch

from eventledger.extract import encoders, mpnet
from eventledger.extract import span_transformer as st

TEXTS = [
    "“We will not leave,” the mayor of Avonford said on Tuesday, according to Radio Kestrel.",
    "Officials said 12 people — including three children — were hurt in Port Elvin.\n\n"
    "The ministry’s spokeswoman, Dr. Ana Lind-Oyelaran, declined to comment.",
    "Ünïcode, tabs\tand  double  spaces; 42% of 1,200 (approx.) & a URL: example.org/a?b=c",
    "",
]


@pytest.fixture(scope="module")
def mpnet_dir():
    return encoders.encoder_dir(encoders.MPNET)


def test_pieces_and_offsets_are_transformers_own(mpnet_dir):
    ours = st.inference_tokenizer(encoders.MPNET)
    theirs = st.bundled_tokenizer(encoders.MPNET)
    assert isinstance(ours, st.PieceTokenizer)
    assert (ours.cls_token_id, ours.sep_token_id) == (theirs.cls_token_id, theirs.sep_token_id)
    # Longer than the 128 pieces tokenizer.json truncates to: windows are cut by the tagger.
    for text in [*TEXTS, " ".join(TEXTS) * 8]:
        mine = ours(text, add_special_tokens=False, return_offsets_mapping=True)
        ref = theirs(text, add_special_tokens=False, return_offsets_mapping=True)
        assert mine["input_ids"] == list(ref["input_ids"])
        assert [tuple(o) for o in mine["offset_mapping"]] == [tuple(o) for o in ref["offset_mapping"]]


def test_the_encoder_gives_transformers_hidden_states_to_the_bit(mpnet_dir):
    from transformers import AutoModel

    tokenizer = st.inference_tokenizer(encoders.MPNET)
    rows = [[tokenizer.cls_token_id, *tokenizer(t)["input_ids"], tokenizer.sep_token_id]
            for t in TEXTS]
    ids, mask = st.padded(rows)  # of unequal lengths: padding and its mask are exercised
    reference = AutoModel.from_pretrained(str(mpnet_dir)).eval()
    ours = mpnet.load_encoder(mpnet_dir).eval()
    with torch.inference_mode():
        for batch in (slice(0, len(rows)), slice(0, 1)):
            expected = reference(input_ids=ids[batch], attention_mask=mask[batch])
            got = ours(ids[batch], mask[batch])
            assert torch.equal(got.last_hidden_state, expected.last_hidden_state)
        # every layer's states, which the event head reads, are transformers' own too
        expected = reference(input_ids=ids, attention_mask=mask, output_hidden_states=True)
        got = ours(ids, mask, output_hidden_states=True)
        assert len(got.hidden_states) == len(expected.hidden_states) == 13
        for ours_layer, theirs in zip(got.hidden_states, expected.hidden_states, strict=True):
            assert torch.equal(ours_layer, theirs)


def test_the_shipped_tagger_loads_without_importing_transformers():
    code = (
        "import sys\n"
        "from eventledger.extract import span_transformer as st\n"
        "from eventledger.extract.attribution_spans import packaged_model_path\n"
        "tagger = st.load(str(packaged_model_path()), 'cpu')\n"
        "import spacy\n"
        "doc = spacy.blank('en')('The army said two soldiers were hurt.')\n"
        "assert tagger.scored_spans_of([doc])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'transformers'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_the_collector_is_paused_while_a_command_imports_spacy_and_its_modules_frozen():
    code = (
        "import gc, sys\n"
        "passes = []\n"
        "gc.callbacks.append(lambda phase, info: passes.append(phase == 'start'))\n"
        "from eventledger import cli\n"
        "assert 'spacy' not in sys.modules and 'torch' not in sys.modules\n"
        "before = sum(passes)\n"
        "cli._import_spacy()\n"
        "assert 'spacy' in sys.modules and 'torch' in sys.modules\n"
        "print(sum(passes) - before, gc.isenabled(), gc.get_freeze_count())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    passes, enabled, frozen = out.stdout.split()
    assert (passes, enabled) == ("0", "True")
    assert int(frozen) > 100_000  # spaCy's and PyTorch's objects, out of later passes
