from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("", views.space_list, name="spaces"),
    path("<slug:slug>/", views.space_detail, name="space"),
    path("<slug:slug>/rejoindre/", views.join, name="join"),
    path("<slug:slug>/quitter/", views.leave, name="leave"),
    path("<slug:slug>/demandes/", views.join_requests, name="join_requests"),
    path("<slug:slug>/demandes/<int:pk>/", views.decide, name="decide"),
    path("<slug:slug>/nouveau-sujet/", views.new_topic, name="new_topic"),
    path("<slug:slug>/sujets/<int:pk>/", views.topic_detail, name="topic"),
    path("<slug:slug>/sujets/<int:pk>/repondre/", views.reply, name="reply"),
]
