"""The slot engine of the appointments context, in plain Python (no Django): opening hours with
Dutch public holidays, free slots given existing bookings and desks, and combination search."""

from servicepunt.appointments.engine.calendar import closed_for_holiday, easter_sunday, opening_spans
from servicepunt.appointments.engine.checks import Finding, OptionProblem, option_finding
from servicepunt.appointments.engine.combinations import (
    CombinationKind,
    CombinationRequest,
    Option,
    combination_options,
    joint_minutes,
)
from servicepunt.appointments.engine.model import (
    AMSTERDAM,
    UTC,
    AgendaSpec,
    DayException,
    HolidayRules,
    LiberationDay,
    Mode,
    Slot,
    Span,
    WeeklyHours,
    Window,
)
from servicepunt.appointments.engine.occupancy import Occupancy
from servicepunt.appointments.engine.parameters import AppointmentParameters, parameters_at
from servicepunt.appointments.engine.slots import SlotProblem, free_slots, slot_problem

__all__ = [
    "AMSTERDAM",
    "UTC",
    "AgendaSpec",
    "AppointmentParameters",
    "CombinationKind",
    "CombinationRequest",
    "DayException",
    "Finding",
    "HolidayRules",
    "LiberationDay",
    "Mode",
    "Occupancy",
    "Option",
    "OptionProblem",
    "Slot",
    "SlotProblem",
    "Span",
    "WeeklyHours",
    "Window",
    "closed_for_holiday",
    "combination_options",
    "easter_sunday",
    "free_slots",
    "joint_minutes",
    "opening_spans",
    "option_finding",
    "parameters_at",
    "slot_problem",
]
