"""eventledger: structured, source-attributed event data from news articles."""

from .document import Document

__version__ = "0.1.0"
# Bumped whenever extraction output changes; stored with each document so that
# `--reprocess` can tell stale records from current ones.
EXTRACTOR_VERSION = "0.1.0"

__all__ = ["Document", "__version__", "EXTRACTOR_VERSION"]
