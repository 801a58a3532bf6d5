"""What approving the last review task does (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail publishes the latest revision. A synced translation's text lives in wagtail-localize's
strings, which the reviewer may have corrected in the translation editor after it was submitted:
it is published as the editor shows it then (``translations.workflow``). Anything else is
published as Wagtail does. Imported by Wagtail while its models load: nothing is imported here
until it runs.
"""


def publish_workflow_state(workflow_state, user=None):
    from wagtail.models import Page
    from wagtail.workflows import publish_workflow_state as wagtail_publish

    from .workflow import save_translation_revision, synced_translation

    instance = workflow_state.content_object
    translation = synced_translation(instance) if isinstance(instance, Page) else None
    if translation is None:
        return wagtail_publish(workflow_state, user=user)
    save_translation_revision(translation, user).publish(user=user)
    return None
