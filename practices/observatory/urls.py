from django.urls import path

from practices.observatory import views

urlpatterns = [
    path("", views.dashboard, name="observatory_dashboard"),
    path("carte/", views.territorial_map, name="observatory_map"),
    path("<slug:slug>.csv", views.download, name="observatory_csv"),
]
