"""spaCy imported for a command without its command line: nothing of ``spacy.cli`` is
loaded, the model still loads and runs, and ``spacy.cli`` and ``spacy.info`` are the real
ones when asked for afterwards."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from eventledger.spacy_import import import_spacy
import_spacy()
loaded = sorted(n for n in sys.modules if n.startswith(("spacy.cli", "weasel", "jinja2")))
assert not loaded, loaded
import spacy
nlp = spacy.load(sys.argv[1])
assert [t.text for t in nlp("Officials said two people died.")][:2] == ["Officials", "said"]
import spacy.cli
from spacy.cli.info import info as real_info
assert callable(spacy.cli.download) and spacy.cli.info is not None
markdown = spacy.info(markdown=True, silent=True)
assert "spaCy version" in markdown, markdown
print("ok")
"""


def test_spacy_without_its_command_line(model_name):
    result = subprocess.run([sys.executable, "-c", SCRIPT, model_name],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_an_imported_spacy_is_left_as_it_is():
    import spacy

    from eventledger.spacy_import import import_spacy

    before = dict(sys.modules)
    import_spacy()
    assert sys.modules.keys() == before.keys() and spacy.info is sys.modules["spacy"].info
