"""Members' Markdown reaches the page as HTML in which nothing can execute."""

import pytest
from django.urls import reverse

from forums import posting
from forums.models import Post
from kb.markup import render_markdown
from tests.forums.factories import PostFactory
from tests.forums.spaces import build_closed_space
from tests.kb.helpers import html

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](&#106;avascript:alert(1))",
    '<iframe src="https://exemple.fr"></iframe>',
    "<style>body{display:none}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div onclick="alert(1)">x</div>',
    "<object data=x></object><embed src=x>",
    '<form action="https://exemple.fr"><input name=a></form>',
    '![image](x" onerror="alert(1))',
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>x</a>",
    "<<script>script>alert(1)<</script>/script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]
FORBIDDEN = ["<script", "onerror", "onload", "onclick", "javascript:", "<iframe", "<style",
             "<object", "<embed", "<form", "<svg", "data:text", "style="]  # fmt: skip


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_payload_survives_rendering(payload):
    rendered = render_markdown(payload).lower()

    assert not [marker for marker in FORBIDDEN if marker in rendered]


def test_markdown_formatting_is_kept():
    rendered = render_markdown("**Répit** et *pair-aidance*\n\n- un\n- deux\n\n> cité")

    assert "<strong>Répit</strong>" in rendered
    assert "<em>pair-aidance</em>" in rendered
    assert "<li>deux</li>" in rendered
    assert "<blockquote>" in rendered


def test_links_are_kept_but_cannot_pass_on_authority():
    rendered = render_markdown("[La fiche](https://exemple.fr/fiche)")

    assert 'href="https://exemple.fr/fiche"' in rendered
    assert 'rel="nofollow noopener noreferrer"' in rendered


@pytest.mark.django_db
def test_payloads_posted_through_the_site_do_not_survive_in_the_topic_page(client):
    closed = build_closed_space()
    member = closed.users["member"]
    PostFactory.create_batch(posting.REVIEWED_FIRST_POSTS, topic=closed.topic, author=member)
    client.force_login(member)

    for payload in XSS_PAYLOADS:
        client.post(
            reverse("forums:reply", args=[closed.space.slug, closed.topic.pk]), {"body": payload}
        )
    page = client.get(closed.topic.get_absolute_url(), {"page": "last"})

    bodies = " ".join(str(body) for body in html(page).select(".kb-post__body")).lower()
    assert Post.objects.filter(topic=closed.topic).count() >= len(XSS_PAYLOADS)
    assert not [marker for marker in FORBIDDEN if marker in bodies]
