"""PolNeAR's annotation conventions, as the component's modes choose them: quotations
around one cue joined, the outlet's report standing for the one it carried, only the
outermost report of a chain, only attributions with a cue."""

from __future__ import annotations

from .candidates import Candidate, inside_any, report_extent
from .context import Context


def apply(ctx: Context, attrs: list[Candidate]) -> list[Candidate]:
    """The conventions the options ask for, after the sources are resolved."""
    if ctx.options.outer_carriers:
        # The outlet's report stands once: not again as the tagger read its cue.
        carried = {a.carrier[0] for a in attrs if a.carrier is not None}
        attrs = [a for a in attrs if a.carrier is not None or a.cue not in carried]
    if ctx.options.outer_only:
        attrs = outermost(attrs)
    if ctx.options.drop_uncued:
        attrs = [a for a in attrs if a.cue is not None]
    return attrs


def join_split_quotes(ctx: Context, attrs: list[Candidate]) -> list[Candidate]:
    """'"Q1," X said, "Q2"': the two quotations around one cue are one attribution
    (the "join" convention), from the first quotation to the end of the second."""
    result: list[Candidate] = []
    for attr in attrs:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.cue is not None
            and attr.cue == previous.cue
            and previous.kind in ("direct", "mixed")
            and attr.kind in ("direct", "mixed")
            and previous.content[1] <= previous.cue[0] < attr.content[0]
            and ctx.quote_at(*attr.content) is not None
            and ctx.quote_at(*previous.content) is not None
        ):
            gap = ctx.text[previous.content[1] : attr.content[0]]
            if "\n" not in gap and len(gap.split()) <= 8:
                previous.content = (previous.content[0], attr.content[1])
                previous.kind = "direct"
                continue
        result.append(attr)
    return result


def outermost(attrs: list[Candidate]) -> list[Candidate]:
    """The attributions whose source, cue and content lie inside no other's content."""
    return [
        a
        for a in attrs
        if not any(
            b is not a
            and b.content != a.content
            and inside_any(report_extent(a), [b.content])
            for b in attrs
        )
    ]

