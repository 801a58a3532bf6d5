"""Sending generated requests through Django's test client and keeping what answered 5xx.

Every request runs in its own savepoint, as a request runs in its own transaction in production:
on PostgreSQL a failed statement aborts the transaction, and without the savepoint every later
request of the run would fail with it and hide what really failed. Responses are read to the end
(streamed exports and feeds fail while streaming, after the status line has been sent).

A 5xx does not stop the run: each is recorded with the exception and the project's frame that
raised it, and the test asserts at the end that there were none, listing each distinct failure once
with the first URLs that caused it. So one run reports every defect it met, and the number of
requests made does not depend on what failed.
"""

import os
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction
from django.test import Client

#: Requests made in this session, per (database vendor, surface); printed at the end of the run.
COUNTS = Counter()
#: Responses per (database vendor, surface, status class such as "2xx").
STATUSES = Counter()
#: CPU seconds spent answering them, per (database vendor, surface).
SECONDS = Counter()
PROJECT_DIRS = tuple(
    os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), name) + os.sep
    for name in ("cms", "home", "library", "news", "exhibitions", "translations", "search", "newsroom")
)


def scale():
    """``FUZZ_SCALE`` multiplies every run's number of examples (default 1: the CI budget)."""
    return float(os.environ.get("FUZZ_SCALE", "1"))


def examples(count):
    return max(1, int(count * scale()))


def _where(exc_info):
    """The innermost frame of the project's code in the traceback, else the innermost of all."""
    frames = traceback.extract_tb(exc_info[2])
    ours = [frame for frame in frames if frame.filename.startswith(PROJECT_DIRS)]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    return f"{os.path.relpath(frame.filename)}:{frame.lineno} in {frame.name}"


@dataclass(frozen=True)
class Known:
    """A 5xx already reported to the owner of the code, tolerated until it is fixed and no longer:
    a full run (``FUZZ_SCALE`` 1) fails when a known failure stops happening, so that the entry
    is removed with the fix. Everything else answering 5xx fails the run."""

    surfaces: tuple
    vendors: tuple
    error: tuple  # the start of "ExceptionType: message", one of these
    where: str  # part of "file:line in function"
    reported: str

    def matches(self, finding):
        return finding.error.startswith(tuple(self.error)) and self.where in finding.where


KNOWN = []
#: Known failures met in this session, per (database vendor, surface).
KNOWN_SEEN = Counter()


@dataclass
class Finding:
    surface: str
    error: str
    where: str
    examples: list = field(default_factory=list)
    count: int = 0


class Prober:
    """Sends requests for one surface of the site and keeps the 5xx answers."""

    def __init__(self, surface, client=None):
        self.surface = surface
        self.client = client or Client(raise_request_exception=False)
        self.client.raise_request_exception = False
        self.findings = {}
        self.made = 0
        self.statuses = Counter()

    def request(self, method, path, *, query="", data=None, headers=None, **extra):
        """``method`` on ``path`` (already percent-encoded) with the raw ``query`` string."""
        kwargs = {"QUERY_STRING": query, **extra}
        if headers:
            kwargs["headers"] = headers
        if data is not None:
            kwargs["data"] = data
        self.made += 1
        COUNTS[connection.vendor, self.surface] += 1
        started = time.process_time()
        error, response = None, None
        try:
            with transaction.atomic():
                if method == "POST":
                    response = self.client.post(path, **kwargs)
                else:
                    response = self.client.generic(method, path, **kwargs)
                if response.streaming:
                    b"".join(response.streaming_content)
        except DatabaseError:  # the savepoint could not be released: the request had failed
            if response is None or response.status_code < 500:
                raise
        except Exception as streaming_error:
            if response is None:
                raise
            error = (type(streaming_error), streaming_error, streaming_error.__traceback__)
        SECONDS[connection.vendor, self.surface] += time.process_time() - started
        if response is not None:
            STATUSES[connection.vendor, self.surface, f"{response.status_code // 100}xx"] += 1
            self.statuses[response.status_code] += 1
        if response is not None and (response.status_code >= 500 or error):
            self._record(method, path, query, response, error or getattr(response, "exc_info", None))
        return response

    def get(self, path, query="", **kwargs):
        return self.request("GET", path, query=query, **kwargs)

    def _record(self, method, path, query, response, exc_info):
        if exc_info:
            error = f"{exc_info[0].__name__}: {str(exc_info[1])[:200]}"
            where = _where(exc_info)
        else:
            error, where = f"status {response.status_code}", "(no exception)"
        finding = self.findings.setdefault((error.split(":")[0], where), Finding(self.surface, error, where))
        finding.count += 1
        if len(finding.examples) < 3:
            url = f"{path}?{query}" if query else path
            finding.examples.append(f"{method} {url[:300]} -> {response.status_code}")

    def report(self):
        lines = []
        for finding in self.findings.values():
            lines.append(f"[{self.surface}] {finding.count} x {finding.error}\n    at {finding.where}")
            lines += [f"    {example}" for example in finding.examples]
        return "\n".join(lines)

    def assert_no_server_errors(self):
        known = [k for k in KNOWN if self.surface in k.surfaces and connection.vendor in k.vendors]
        unexpected = {key: f for key, f in self.findings.items() if not any(k.matches(f) for k in known)}
        for finding in self.findings.values():
            if finding not in unexpected.values():
                KNOWN_SEEN[connection.vendor, self.surface] += finding.count
        self.findings, reported = unexpected, self.findings
        assert not unexpected, (
            f"{sum(f.count for f in unexpected.values())} of {self.made} requests answered 5xx "
            f"on {connection.vendor}:\n{self.report()}"
        )
        if scale() < 1:  # a smaller run need not meet every known failure
            return
        fixed = [k for k in known if not any(k.matches(f) for f in reported.values())]
        assert not fixed, "no longer answered 5xx, remove from tests/fuzz/harness.py KNOWN: " + "; ".join(
            k.reported for k in fixed
        )
