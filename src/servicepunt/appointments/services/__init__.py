"""State changes of the appointments context: book (one, or a combination as a whole), cancel
and reschedule, by staff or by the resident, each in one transaction with history."""

from servicepunt.appointments.services.actors import SELF_SERVICE_USERNAME, Actor, actor_user, self_service_user
from servicepunt.appointments.services.booking import appointment_book, arrangement_book
from servicepunt.appointments.services.changes import (
    appointment_cancel,
    appointment_reschedule,
    arrangement_cancel,
    arrangement_reschedule,
)
from servicepunt.appointments.services.common import PartChoice, question_free_check
from servicepunt.appointments.services.overlap import ResidentDoubleBooked
from servicepunt.appointments.services.problems import QuestionAlreadyBooked, SlotUnavailable
from servicepunt.appointments.services.resident_link import resident_link_renew

__all__ = [
    "SELF_SERVICE_USERNAME",
    "Actor",
    "PartChoice",
    "QuestionAlreadyBooked",
    "ResidentDoubleBooked",
    "SlotUnavailable",
    "actor_user",
    "appointment_book",
    "appointment_cancel",
    "appointment_reschedule",
    "arrangement_book",
    "arrangement_cancel",
    "arrangement_reschedule",
    "question_free_check",
    "resident_link_renew",
    "self_service_user",
]
