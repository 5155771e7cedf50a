from django.urls import path

from servicepunt.handovers.api.views import HandoverActionView, HandoverInboxView

urlpatterns = [
    path("handovers", HandoverInboxView.as_view(), name="handover-inbox"),
    path("handovers/<uuid:uuid>/<slug:action>", HandoverActionView.as_view(), name="handover-action"),
]
