"""Pages leave the application compressed; files stream as they are."""

import gzip

import pytest
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory

from kb.compression import TextCompressionMiddleware


@pytest.mark.django_db
def test_a_page_is_sent_gzip_compressed_to_a_browser_that_accepts_it(client, home_page_fr):
    plain = client.get("/")
    compressed = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 3
    assert b"</html>" in gzip.decompress(compressed.content)


@pytest.mark.django_db
def test_a_page_is_sent_plain_to_a_client_that_does_not_ask_for_compression(client, home_page_fr):
    response = client.get("/")

    assert not response.has_header("Content-Encoding")
    assert response.content.rstrip().endswith(b"</html>")


def answer(response):
    request = RequestFactory().get("/", headers={"accept-encoding": "gzip"})
    return TextCompressionMiddleware(lambda request: response)(request)


def test_a_streamed_file_keeps_its_length_and_is_not_compressed(tmp_path):
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(b"%PDF-1.7 " + b"0" * 5000)

    response = answer(FileResponse(pdf.open("rb"), content_type="application/pdf"))

    assert not response.has_header("Content-Encoding")
    assert response["Content-Length"] == "5009"


def test_an_image_is_not_compressed_again():
    response = answer(HttpResponse(b"\x89PNG" + b"0" * 5000, content_type="image/png"))

    assert not response.has_header("Content-Encoding")


def test_a_feed_is_compressed():
    feed = b'<?xml version="1.0"?><rss>' + b"<item>pratique</item>" * 200 + b"</rss>"

    response = answer(HttpResponse(feed, content_type="application/rss+xml; charset=utf-8"))

    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == feed
