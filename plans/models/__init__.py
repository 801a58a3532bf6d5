"""The plans' models, one module per concern; import them from here."""

from .activities import Attendance, Event, PressBriefing, Training
from .pages import CalendarPage, QuestionBlock, QuizPage, QuizResponse
from .plan import AudienceGroup, Measure, Plan, PlanAgency, ReviewPoint, Steward, Target
from .reporting import Contribution, Notice, ProvincialReport, ReportKind

__all__ = [
    "Attendance",
    "AudienceGroup",
    "CalendarPage",
    "Contribution",
    "Event",
    "Measure",
    "Notice",
    "Plan",
    "PlanAgency",
    "PressBriefing",
    "ProvincialReport",
    "QuestionBlock",
    "QuizPage",
    "QuizResponse",
    "ReportKind",
    "ReviewPoint",
    "Steward",
    "Target",
    "Training",
]
