from servicepunt.handovers.models.consent import Consent, ConsentMethod
from servicepunt.handovers.models.handover import Handover, HandoverTransition, Outcome, RejectionReason

__all__ = ["Consent", "ConsentMethod", "Handover", "HandoverTransition", "Outcome", "RejectionReason"]
