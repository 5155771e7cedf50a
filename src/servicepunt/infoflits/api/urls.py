from django.urls import path

from servicepunt.infoflits.api.views import SuggestionsView

urlpatterns = [path("suggestions", SuggestionsView.as_view(), name="suggestions")]
