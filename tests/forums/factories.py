"""Spaces, memberships, topics and posts for the forum tests."""

import factory
from django.utils import timezone

from forums.models import Post, Space, SpaceMembership, Topic
from tests.kb.factories import UserFactory


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    name = factory.Sequence(lambda n: f"Espace des directions d’ITEP n° {n}")
    slug = factory.Sequence(lambda n: f"espace-{n}")
    description = "Des directions qui s’épaulent pendant la mise en œuvre du dispositif intégré."
    charter = "Bienveillance, confidentialité, aucune information identifiante."
    visibility = Space.Visibility.MEMBERS
    join_policy = Space.JoinPolicy.ON_REQUEST


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpaceMembership

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)
    status = SpaceMembership.Status.ACTIVE
    charter_accepted_at = factory.LazyFunction(timezone.now)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(lambda n: f"Organiser le répit des jeunes adultes, sujet {n}")
    author = factory.SubFactory(UserFactory)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    author = factory.LazyAttribute(lambda post: post.topic.author)
    body = "Nous avons ouvert une unité de **répit** avec l’IME voisin."
