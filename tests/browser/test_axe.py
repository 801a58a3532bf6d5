"""Every public page type of the seeded demo, in vi, en and km, on a phone and a laptop screen, as
axe-core (npm ``axe-core``) checks it in Chromium: no WCAG 2.1 A or AA violation, and no two
landmarks of the same role with the same name (axe's ``landmark-unique``)."""

from pathlib import Path

import pytest

from tests.conformance.test_vnu import (
    public_pages,
    short_listings,  # noqa: F401 - a fixture
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}
OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "rules": {"landmark-unique": {"enabled": True}},
    "resultTypes": ["violations"],
}
RUN = """options => axe.run(document, options).then(results => results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(" ")),
})))"""


def describe(name, path, violation):
    targets = ", ".join(violation["targets"][:5])
    more = f" (+{len(violation['targets']) - 5} more)" if len(violation["targets"]) > 5 else ""
    return f"{name} {path}: {violation['id']} [{violation['impact']}] {violation['help']}: {targets}{more}"


@pytest.mark.parametrize("screen", list(WIDTHS))
def test_every_public_page_type_has_no_accessibility_violation(
    browser,
    portal_server,
    seeded,
    short_listings,  # noqa: F811 - the fixture
    screen,
    capsys,
):
    if not AXE.exists():
        pytest.fail(f"no {AXE}: run `make install` (npm ci)")
    pages = public_pages()
    # The site's Content-Security-Policy would refuse the injected script.
    context = browser.new_context(viewport=WIDTHS[screen], device_scale_factor=1, bypass_csp=True)
    page = context.new_page()
    problems = []
    try:
        for name, path in pages:
            response = page.goto(portal_server.url + path, wait_until="load")
            expected = 404 if name.endswith("/404") else 200
            if response is None or response.status != expected:
                problems.append(f"{name} {path}: HTTP {response and response.status}")
                continue
            page.add_script_tag(path=str(AXE))
            problems += [describe(name, path, violation) for violation in page.evaluate(RUN, OPTIONS)]
    finally:
        context.close()
    with capsys.disabled():
        print(f"\naxe checked {len(pages)} pages at {WIDTHS[screen]['width']} px: {len(problems)} violations")
    assert not problems, f"{len(problems)} violations at {screen} width:\n" + "\n".join(problems)
