from django.urls import path

from servicepunt.catalogue import views

app_name = "catalogue"
urlpatterns = [
    path("", views.product_list, name="product-list"),
    path("producten/<slug:code>/", views.product_detail, name="product-detail"),
    path("organisaties/", views.organisation_list, name="organisation-list"),
    path("organisaties/<slug:code>/", views.organisation_detail, name="organisation-detail"),
]
