"""What the resident gets: the confirmation (e-mail with a calendar file, or a printable letter
and PDF), reminders the day before (e-mail, or SMS through a pluggable provider), a message when
the Servicepunt cancels, and, in every message, the link to their own appointments page. Every
message is in the resident's language, a task on the job queue, and has a delivery record in the
notification log (state and tries; no text, no address)."""

from servicepunt.appointments.notify.cancellation import cancellation_queue
from servicepunt.appointments.notify.confirmation import confirmation_queue
from servicepunt.appointments.notify.content import Notice, PartView
from servicepunt.appointments.notify.delivery import message_deliver, notification_deliver, retry_delay
from servicepunt.appointments.notify.ics import calendar_bytes
from servicepunt.appointments.notify.letter import letter_html, letter_notice, letter_pdf
from servicepunt.appointments.notify.reminders import Outcome, ReminderResult, reminder_day_default, reminders_send
from servicepunt.appointments.notify.sms import LoggingSmsBackend, SmsBackend, sms_backend
from servicepunt.appointments.resident.links import resident_link

__all__ = [
    "LoggingSmsBackend",
    "Notice",
    "Outcome",
    "PartView",
    "ReminderResult",
    "SmsBackend",
    "calendar_bytes",
    "cancellation_queue",
    "confirmation_queue",
    "letter_html",
    "letter_notice",
    "letter_pdf",
    "message_deliver",
    "notification_deliver",
    "reminder_day_default",
    "reminders_send",
    "resident_link",
    "retry_delay",
    "sms_backend",
]
