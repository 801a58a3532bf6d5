"""The fuzz suite's settings and its closing count of requests per database.

Hypothesis runs derandomized (the same examples on every run, so CI is repeatable) and without an
example database; shrinking never starts because a run records 5xx answers instead of failing at
the first (``tests/fuzz/harness.py``).
"""

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.harness import COUNTS, KNOWN_SEEN, SECONDS, STATUSES

settings.register_profile(
    "fuzz",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


@pytest.fixture(autouse=True)
def unthrottled_api(settings):
    """Every request of a run comes from one address: without this, all but the first 60 API
    requests a minute would be answered 429 before reaching the code under test."""
    settings.LIBRARY_API_ANONYMOUS_RATE = 10**9


def pytest_terminal_summary(terminalreporter):
    if not COUNTS:
        return
    terminalreporter.section("fuzz: generated requests")
    for vendor in sorted({vendor for vendor, _surface in COUNTS}):
        per_surface = {surface: n for (v, surface), n in sorted(COUNTS.items()) if v == vendor}
        seconds = sum(t for (v, _surface), t in SECONDS.items() if v == vendor)
        terminalreporter.write_line(
            f"{vendor}: {sum(per_surface.values())} requests, answered in {seconds:.0f} s of CPU"
        )
        for surface, n in per_surface.items():
            answers = {cls: k for (v, s, cls), k in sorted(STATUSES.items()) if (v, s) == (vendor, surface)}
            known = KNOWN_SEEN[vendor, surface]
            terminalreporter.write_line(
                f"  {surface}: {n} in {SECONDS[vendor, surface]:.1f} s ("
                + ", ".join(f"{cls} {k}" for cls, k in answers.items())
                + ")"
                + (f", {known} of them known 5xx already reported (harness.KNOWN)" if known else "")
            )
