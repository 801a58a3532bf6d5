"""Waiting for Wagtail 8's autosave, which saves the editor's form as they type (the first save of
a new page creates it, and the form then posts to the page's edit view).

Pressing a button of the form while an autosave is in flight races it: on the add view both
requests create the page (the second is an error on the form, see ``newsroom.admin_views``), so a
test that submits first waits until the autosave has settled. "Network idle" is no such wait:
autosave starts some time after a change, long enough for the network to look idle before it does.

Nor does autosave always happen. Wagtail's unsaved-changes controller takes the form as it is two
seconds after the page loads as its baseline, and only changes after that are autosaved: a test
that fills the form sooner (a quick machine) saves nothing, one that fills it later (a busy
machine) autosaves. So a test waits for the baseline (:func:`wait_until_watching`) before it types,
and every run autosaves. And a change made while an autosave is in flight is taken into the next
baseline when that autosave succeeds, without a save of its own (Wagtail 8.0.1): so "settled" is
the baseline holding what was typed, with no autosave in flight, not a save of it."""

#: Follows the controllers' events (installed as an init script, before they connect): the latest
#: baseline, autosaves in flight, and whether one has succeeded.
WATCH = """
window.__autosave = {baseline: null, inFlight: 0, succeeded: 0};
document.addEventListener("w-unsaved:watch-edits", (event) => {
  window.__autosave.baseline = event.detail.initialFormData;
});
document.addEventListener("w-autosave:save", (event) => {
  if (!event.defaultPrevented) window.__autosave.inFlight += 1;
});
document.addEventListener("w-autosave:success", () => {
  window.__autosave.inFlight -= 1;
  window.__autosave.succeeded += 1;
});
document.addEventListener("w-autosave:error", () => {
  window.__autosave.inFlight -= 1;
});
"""

#: The baseline's value of a field: the controller keeps the form data URL-encoded (8.0.1).
FIELD = """(data, name) => {
  if (data === null || data === undefined) return null;
  const params = typeof data.get === "function" ? data : new URLSearchParams(String(data));
  return String(params.get(name) || "");
}"""

SETTLED = f"""([name, text]) => {{
  const field = {FIELD};
  const state = window.__autosave;
  return Boolean(state && state.inFlight === 0 && state.succeeded > 0
    && (field(state.baseline, name) || "").includes(text));
}}"""

STATE = f"""(name) => {{
  const field = {FIELD};
  const state = window.__autosave;
  if (!state) return "not watched";
  const baseline = field(state.baseline, name);
  return JSON.stringify({{inFlight: state.inFlight, succeeded: state.succeeded, baseline}});
}}"""


def watch(page):
    """Follow the autosaves of every page ``page`` opens from now on."""
    page.add_init_script(WATCH)


def wait_until_watching(page, timeout=15000):
    """Until Wagtail has taken the form's baseline: what is typed from now on is autosaved."""
    page.wait_for_function("() => window.__autosave && window.__autosave.baseline !== null", timeout=timeout)


def wait_until_settled(page, name, text, timeout=15000):
    """Until an autosave has succeeded, none is in flight and the baseline holds ``text`` in form
    field ``name``: no autosave will start before the next change."""
    from playwright.sync_api import TimeoutError

    try:
        page.wait_for_function(SETTLED, arg=[name, text], timeout=timeout)
    except TimeoutError:
        raise AssertionError(f"autosave never settled with {text!r}: {page.evaluate(STATE, name)}") from None
