from django.urls import path

from website.feeds import PracticesAtomFeed, PracticesFeed

urlpatterns = [
    path("pratiques/rss/", PracticesFeed(), name="practices_feed_rss"),
    path("pratiques/atom/", PracticesAtomFeed(), name="practices_feed_atom"),
    path("theme/<slug:slug>/rss/", PracticesFeed(), name="theme_feed_rss"),
    path("theme/<slug:slug>/atom/", PracticesAtomFeed(), name="theme_feed_atom"),
]
