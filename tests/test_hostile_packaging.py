"""What a fresh ``pip install .`` needs is declared: HTML input must not depend on a
package that only happens to be installed here."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _requirements(group: str | None = None) -> list[Requirement]:
    project = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]
    names = project["dependencies"] if group is None else project["optional-dependencies"][group]
    return [Requirement(text) for text in names]


def test_html_cleaner_that_justext_imports_is_declared():
    # jusText (through trafilatura) imports lxml.html.clean, a separate package since
    # lxml 5.2: pip 23.2 does not bring it in unless it is named.
    import lxml_html_clean  # noqa: F401 - the module the HTML reader needs

    declared = _requirements()
    assert any(
        (req.name == "lxml" and "html_clean" in req.extras) or req.name == "lxml-html-clean"
        for req in declared
    )


def test_property_test_library_is_in_the_test_extra():
    assert "hypothesis" in {req.name for req in _requirements("test")}
