"""Score the pipeline's attributions on the training articles that ``prepare.py`` kept
apart, the share where settings are chosen without touching the dev split.

    python training/attribution_spans/score_heldout.py ../shared/eval/polnear/train \
        --tagger out/attribution_spans/tagger.best

The articles are chosen by name as ``prepare.py`` chooses them (``--share`` must be the
``--heldout`` it was given); the metric and the output are ``eventledger eval polnear``'s.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from prepare import heldout_name  # the script's own folder is on the path

from eventledger.eval.polnear import articles, evaluate_polnear, format_polnear


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="the PolNeAR folder prepare.py read")
    parser.add_argument("--share", type=float, default=0.1, help="prepare.py's --heldout")
    parser.add_argument("--tagger", default=None, help="a folder finetune.py wrote "
                        "(default: the shipped tagger)")
    parser.add_argument("--continued-quotes", choices=["join", "separate"], default="join")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    names = {name for name, _t, _a in articles(args.split) if heldout_name(name, args.share)}
    result = evaluate_polnear(args.split, names=names, tagger=args.tagger,
                              conventions={"continued_quotes": args.continued_quotes})
    print(format_polnear(result))


if __name__ == "__main__":
    main()
