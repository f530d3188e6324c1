from django.urls import path

from practices import admin_views, views

app_name = "practices"

urlpatterns = [
    path("sessions/<int:pk>/inscription/", views.register, name="register"),
    path("sessions/<int:pk>/desistement/", views.cancel, name="cancel"),
    # Outside /admin/ so that a signed-in person who may not export gets a plain 403.
    path("sessions/<int:pk>/inscriptions.csv", admin_views.export_session, name="export_session"),
    path(
        "formations/<int:page_id>/inscriptions.csv", admin_views.export_offer, name="export_offer"
    ),
]
