"""Exception classes. The CLI turns each into a one-line ``Error: ...`` message.

Every message starts with a code (``E1xx`` input, ``E2xx`` store, ``E3xx`` model and
configuration, ``E4xx`` evaluation) so that users can search for it. ``exit_code`` is
the command's exit status: 1 when something could not be done, 2 for a usage error
(an option or setting the user gave that cannot work).
"""


class EventledgerError(Exception):
    """Base class of every error eventledger raises on purpose."""

    code = "E000"
    exit_code = 1

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


class StoreUnusableError(StoreError):
    """The store takes no more writes at all (full disk, read-only): the run stops."""

    code = "E201"


class ConfigError(EventledgerError):
    code = "E300"
    exit_code = 2


class ModelNotFoundError(ConfigError):
    code = "E301"


class ClusterError(ConfigError):
    """The Dask cluster cannot be reached or lost the work (process --workers/--scheduler)."""

    code = "E310"
    exit_code = 1  # the command could not be done; not a usage error


class EvaluationError(EventledgerError):
    code = "E400"
