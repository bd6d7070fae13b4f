"""Users add eventledger's components to their own pipelines by name, through the
``spacy_factories`` entry point, without importing eventledger first."""

import subprocess
import sys

from eventledger.extract import COMPONENTS


def test_factories_load_through_the_entry_point(model_name):
    code = (
        "import spacy\n"
        f"nlp = spacy.load({model_name!r})\n"
        f"for name in {list(COMPONENTS)!r}:\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('Police arrested 12 protesters in Lyon, the prefecture said.')\n"
        "print(type(doc._.el_figures).__name__, ' '.join(nlp.pipe_names))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    kind, names = result.stdout.split(" ", 1)
    assert kind == "list"
    assert names.split()[-len(COMPONENTS):] == list(COMPONENTS)
    assert "eventledger" not in names.split()[0]


def test_paragraph_starts_load_through_the_entry_point(model_name):
    code = (
        "import spacy\n"
        f"nlp = spacy.load({model_name!r})\n"
        "nlp.add_pipe('eventledger_paragraph_starts', before='parser')\n"
        "doc = nlp('Ferry crews count the cost\\n\\nThe harbour master said two boats sank.')\n"
        "print(sum(1 for _ in doc.sents))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 2
