"""Storage of extraction records: :class:`Store` (SQLite by default, via SQLAlchemy Core)."""

from ..errors import StoreError
from .schema import SCHEMA_VERSION
from .store import Store, WriteStatus

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "WriteStatus"]
