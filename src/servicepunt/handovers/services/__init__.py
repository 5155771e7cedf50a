"""State changes of warm handovers: consent first, then the closed loop with the partner."""

from servicepunt.handovers.services.consent import consent_record, consent_withdraw
from servicepunt.handovers.services.handover import (
    HandoverError,
    communication_kept,
    handover_accept,
    handover_act,
    handover_complete,
    handover_create,
    handover_plan,
    handover_receive,
    handover_reject,
    handover_send,
    handover_start,
)

__all__ = [
    "HandoverError",
    "communication_kept",
    "consent_record",
    "consent_withdraw",
    "handover_accept",
    "handover_act",
    "handover_complete",
    "handover_create",
    "handover_plan",
    "handover_receive",
    "handover_reject",
    "handover_send",
    "handover_start",
]
