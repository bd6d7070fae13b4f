"""Exception classes. The CLI turns each into a one-line ``Error: ...`` message.

Every message starts with a code (``E1xx`` input, ``E2xx`` store, ``E3xx`` model and
configuration, ``E4xx`` evaluation) so that users can search for it.
"""


class EventledgerError(Exception):
    """Base class of every error eventledger raises on purpose."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class IngestError(EventledgerError):
    """An input could not be read or is not a usable document."""

    code = "E100"

    def __init__(self, source: str, message: str):
        self.source = source
        super().__init__(f"{source}: {message}")


class StoreError(EventledgerError):
    code = "E200"


class ConfigError(EventledgerError):
    code = "E300"


class ModelNotFoundError(ConfigError):
    code = "E301"


class ClusterError(ConfigError):
    """The Dask cluster cannot be reached or lost the work (process --workers/--scheduler)."""

    code = "E310"


class EvaluationError(EventledgerError):
    code = "E400"
