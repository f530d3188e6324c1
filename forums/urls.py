from django.urls import path

from forums import capitalise_views, moderation_views, notification_views, post_views, views

app_name = "forums"

urlpatterns = [
    path("", views.space_list, name="spaces"),
    path("notifications/", notification_views.notification_list, name="notifications"),
    path(
        "notifications/preferences/",
        notification_views.notification_settings,
        name="notification_settings",
    ),
    path("desabonnement/<str:token>/", notification_views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", views.space_detail, name="space"),
    path("<slug:slug>/rejoindre/", views.join, name="join"),
    path("<slug:slug>/quitter/", views.leave, name="leave"),
    path("<slug:slug>/suivre/", notification_views.toggle_follow, name="follow_space"),
    path(
        "<slug:slug>/sujets/<int:pk>/capitaliser/",
        capitalise_views.capitalise_topic,
        name="capitalise",
    ),
    path(
        "<slug:slug>/sujets/<int:pk>/brouillon/",
        capitalise_views.capitalised_draft,
        name="capitalised_draft",
    ),
    path(
        "<slug:slug>/sujets/<int:pk>/accord/",
        capitalise_views.citation_consent,
        name="citation_consent",
    ),
    path(
        "<slug:slug>/sujets/<int:pk>/suivre/",
        notification_views.toggle_follow,
        name="follow_topic",
    ),
    path("<slug:slug>/demandes/", views.join_requests, name="join_requests"),
    path("<slug:slug>/inviter/", views.invite, name="invite"),
    path("<slug:slug>/invitation/<str:token>/", views.invitation, name="invitation"),
    path("<slug:slug>/demandes/<int:pk>/", views.decide, name="decide"),
    path("<slug:slug>/nouveau-sujet/", views.new_topic, name="new_topic"),
    path("<slug:slug>/mentions/", post_views.mention_suggestions, name="mention_suggestions"),
    path("<slug:slug>/sujets/<int:pk>/", views.topic_detail, name="topic"),
    path("<slug:slug>/sujets/<int:pk>/repondre/", views.reply, name="reply"),
    path("<slug:slug>/pieces-jointes/<int:pk>/", post_views.attachment, name="attachment"),
    path("<slug:slug>/messages/<int:pk>/modifier/", post_views.edit_post, name="edit_post"),
    path("<slug:slug>/messages/<int:pk>/supprimer/", post_views.delete_post, name="delete_post"),
    path(
        "<slug:slug>/messages/<int:pk>/signaler/",
        moderation_views.report_post,
        name="report_post",
    ),
    path("<slug:slug>/moderation/", moderation_views.moderation_queue, name="moderation"),
    path(
        "<slug:slug>/moderation/messages/<int:pk>/",
        moderation_views.moderate_post,
        name="moderate_post",
    ),
    path(
        "<slug:slug>/moderation/signalements/<int:pk>/",
        moderation_views.dismiss_report,
        name="dismiss_report",
    ),
    path(
        "<slug:slug>/moderation/sujets/<int:pk>/",
        moderation_views.moderate_topic,
        name="moderate_topic",
    ),
    path(
        "<slug:slug>/moderation/membres/<int:pk>/",
        moderation_views.moderate_member,
        name="moderate_member",
    ),
]
