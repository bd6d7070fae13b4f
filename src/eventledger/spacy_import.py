"""spaCy imported without its command line, for a command's cold start.

``import spacy`` imports ``spacy.cli`` for the one name ``spacy.info``, and with it every
spaCy command and what they use (weasel, httpx, jinja2, rich...): about a third of a
second of each start, which extraction never uses. :func:`import_spacy` imports spaCy with
``spacy.cli.info`` standing in for a moment as a module whose ``info`` imports the real one
when called; afterwards nothing stands in, and ``import spacy.cli`` imports the real one.
"""

from __future__ import annotations

import sys
import types

_STANDING_IN = ("spacy.cli", "spacy.cli.info")


def _info(*args, **kwargs):
    """``spacy.info``: the real one, imported when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy, unless it is imported already, without ``spacy.cli``."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _STANDING_IN):
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    stand_ins = {"spacy.cli": package, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    except ImportError:
        pass  # a spaCy that wants more of its command line: imported as it is, below
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and getattr(spacy_module, "cli", None) is package:
            del spacy_module.cli
    import spacy  # noqa: F401, F811
