from django.core.management.base import BaseCommand

from plans import reminders


class Command(BaseCommand):
    help = (
        "E-mail agencies that have not submitted their contribution before each reporting deadline, and "
        "quiz results to organisers once a quiz closes. Run daily; each notice is sent once."
    )

    def handle(self, *args, **options):
        deadlines = reminders.send_deadline_reminders()
        quizzes = reminders.send_quiz_results()
        self.stdout.write(f"plans: {deadlines} deadline reminders, {quizzes} quiz results e-mails")
