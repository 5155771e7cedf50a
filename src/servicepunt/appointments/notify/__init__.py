"""What the resident gets: the confirmation (e-mail with a calendar file, or a printable letter
and PDF), reminders the day before (e-mail, or SMS through a pluggable backend) and, in every
message, the link to their own appointments page. Every message is in the resident's language and
recorded in the notification log (no text, no address)."""

from servicepunt.appointments.notify.confirmation import confirmation_send
from servicepunt.appointments.notify.content import Notice, PartView
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
    "confirmation_send",
    "letter_html",
    "letter_notice",
    "letter_pdf",
    "reminder_day_default",
    "reminders_send",
    "resident_link",
    "sms_backend",
]
