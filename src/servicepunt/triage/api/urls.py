from django.urls import path

from servicepunt.triage.api.views import TriageView

urlpatterns = [path("triage", TriageView.as_view(), name="triage")]
