"""Public views: the events calendar, its iCalendar feed, and quizzes."""

from django.db import transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_protect

from . import ical
from .forms import QuizForm
from .models import QuizResponse


def calendar_index(request, page):
    today = timezone.localdate()
    events = list(page.events())
    context = page.get_context(request)
    context.update(
        upcoming=[event for event in events if (event.ends_on or event.date) >= today],
        past=[event for event in reversed(events) if (event.ends_on or event.date) < today],
        feed_url=page.url + page.reverse_subpage("ics"),
    )
    return TemplateResponse(request, page.get_template(request), context)


def calendar_feed(request, page):
    content = ical.calendar(
        page.title, page.events(), request.build_absolute_uri(page.url), translation.get_language()
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.ics"'
    return response


def score(page, answers):
    """``(score, out of)``: one point per question answered with its correct answer."""
    questions = [block.value for block in page.questions if block.block_type == "question"]
    right = sum(
        1 for number, value in enumerate(questions, start=1) if answers.get(f"q{number}") == value["correct"]
    )
    return right, len(questions)


@csrf_protect
def serve_quiz(request, page):
    context = page.get_context(request)
    is_open = page.is_open()
    form = None
    if is_open:
        form = QuizForm(request.POST if request.method == "POST" else None, page=page)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            right, out_of = score(page, data)
            with transaction.atomic():
                QuizResponse.objects.create(
                    quiz_key=page.translation_key,
                    page=page,
                    language=page.locale.language_code,
                    answers=[data[name] for name in form.fields if name.startswith("q")],
                    score=right,
                    out_of=out_of,
                    name=data.get("name", ""),
                    contact=data.get("contact", ""),
                    commune=data.get("commune", ""),
                    consent=True,
                    delete_after=QuizResponse.retention_end(page),
                )
            questions = [block.value for block in page.questions if block.block_type == "question"]
            context.update(
                result=(right, out_of),
                review=[
                    (value, data[f"q{number}"], value["choices"][value["correct"] - 1])
                    for number, value in enumerate(questions, start=1)
                ],
            )
            form = None
    context.update(form=form, is_open=is_open)
    response = TemplateResponse(request, page.get_template(request), context)
    response["Cache-Control"] = "private, no-store"
    return response
