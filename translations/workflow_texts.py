"""The review dialogs' comment field in each person's admin language.

Wagtail 8.0's ``TaskStateCommentForm`` (the form of the "Approve with comment" and "Request
changes" dialogs) labels its field with ``gettext("Comment")`` when the class is defined, once per
process, so the label kept the language of whoever first caused it to be imported (Vietnamese in
the Khmer admin). The page workflow views below give the dialogs a subclass that labels it when
the form is made; ``newsroom.admin_views.NewsroomPageViewSet`` uses them. Delete this module when
upstream labels it lazily:
``tests/translations/test_admin_language.py::test_review_dialog_comment_follows_the_admin_language``
notices.
"""

from django.utils.translation import gettext_lazy

from wagtail.admin.views.pages import workflow
from wagtail.forms import TaskStateCommentForm


class CommentForm(TaskStateCommentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].label = gettext_lazy("Comment")


class LabelledCommentMixin:
    def get_form_class(self):
        form_class = super().get_form_class()
        return CommentForm if form_class is TaskStateCommentForm else form_class


class WorkflowActionView(LabelledCommentMixin, workflow.WorkflowActionView):
    pass


class CollectWorkflowActionDataView(LabelledCommentMixin, workflow.CollectWorkflowActionDataView):
    pass


class PageViewSetMixin:
    """For a ``PageViewSet``: the review dialogs with :class:`CommentForm`."""

    workflow_action_view_class = WorkflowActionView
    collect_workflow_action_data_view_class = CollectWorkflowActionDataView
