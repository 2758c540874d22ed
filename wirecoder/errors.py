"""One exception hierarchy for wirecoder; every message says what is wrong and where.

    WirecoderError
    ├── InputError        a record or file cannot be read (file, line, field, reason)
    ├── InvalidParameter  a query or command parameter has an unusable value (the API's 422); also a ValueError
    ├── ConfigError       a setting or a data file is invalid
    ├── PipelineError     stages do not fit together (a stage needs what none produces)
    ├── StoreError        the database cannot be opened or written
    └── WorkerLost        a worker process of a batch died; what is stored is complete, the run resumes
"""

from __future__ import annotations


class WirecoderError(Exception):
    """Base class of every error wirecoder raises on purpose."""


class InputError(WirecoderError):
    """A bad input record. `reason` is a short code used to count skips (e.g. ``bad-date``)."""

    def __init__(self, reason: str, message: str, *, source: str | None = None,
                 line: int | None = None, field: str | None = None) -> None:
        self.reason = reason
        self.detail = message
        self.source = source
        self.line = line
        self.field = field
        super().__init__(self.location() + message)

    def location(self) -> str:
        """``file:line: field 'x': `` prefix, with only the parts that are known."""
        where = self.source or ""
        if self.line is not None:
            where += f":{self.line}"
        prefix = f"{where}: " if where else ""
        if self.field:
            prefix += f"field '{self.field}': "
        return prefix

    def located(self, *, source: str | None = None, line: int | None = None) -> InputError:
        """The same error with its file and line filled in where they were missing."""
        return InputError(self.reason, self.detail, source=self.source or source,
                          line=self.line if self.line is not None else line, field=self.field)


class InvalidParameter(WirecoderError, ValueError):
    """A parameter given by the user (an API query parameter, a CLI option) with a value that cannot be used.

    ``parameter`` names it; the API answers 422 with it, where any other error is a 500. Also a ``ValueError``,
    which the query functions raised before, so callers that catch that keep working.
    """

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        self.detail = message
        super().__init__(f"{parameter}: {message}")


class ConfigError(WirecoderError):
    """An invalid setting or language data file."""


class PipelineError(WirecoderError):
    """Stages whose declared inputs are not produced by an earlier stage."""


class StoreError(WirecoderError):
    """The database cannot be opened, migrated or written."""


class WorkerLost(WirecoderError):
    """A worker process of a batch run died (killed by the system, e.g. out of memory): the run stops, and
    running it again resumes, since every stored article is complete."""
