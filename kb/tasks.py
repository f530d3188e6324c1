"""The site's general background jobs: periodic commands and the mail queue.

Mail is queued in the database by django-mailer (`EMAIL_BACKEND`) within the
transaction that writes it, so a rolled-back request sends nothing; the job
below sends the queue once that transaction commits. A message is deleted in
the same transaction that records it as sent, so a job run again after a crash
does not send it twice.
"""

from django.core.management import call_command
from mailer import engine
from mailer.backend import DbBackend
from wagtail.models import Page

from kb.background_jobs import background_job, enqueue_once_after_commit


@background_job()
def run_management_command(name, *args):
    call_command(name, *args)


@background_job()
def send_queued_mail():
    engine.send_all()


@background_job()
def print_page_pdf(page_id):
    """Print the PDF of a page just published (nothing when it is no longer live)."""
    from kb.pdf import store_pdf

    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is not None:
        store_pdf(page)


class QueuedEmailBackend(DbBackend):
    """Queue messages in the database, then ask for the mail job once the transaction commits."""

    def send_messages(self, email_messages):
        queued = super().send_messages(email_messages)
        if queued:
            enqueue_once_after_commit(send_queued_mail)
        return queued
