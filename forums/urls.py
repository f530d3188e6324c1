from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("", views.space_list, name="spaces"),
    path("<slug:slug>/", views.space_detail, name="space"),
    path("<slug:slug>/sujets/<int:pk>/", views.topic_detail, name="topic"),
]
