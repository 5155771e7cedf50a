from servicepunt.handovers.choices import ConsentMethod, Outcome, RejectionReason
from servicepunt.handovers.models.consent import Consent
from servicepunt.handovers.models.handover import Handover, HandoverTransition

__all__ = ["Consent", "ConsentMethod", "Handover", "HandoverTransition", "Outcome", "RejectionReason"]
