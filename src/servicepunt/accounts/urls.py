from django.urls import path

from servicepunt.accounts import views, views_second_factor

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("tweede-stap/", views_second_factor.second_factor, name="second-factor"),
    path("tweede-stap/instellen/", views_second_factor.second_factor_setup, name="second-factor-setup"),
]
