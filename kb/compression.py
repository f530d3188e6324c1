"""Pages, feeds and API answers leave gunicorn gzip-compressed, whatever the proxy does.

A page of the site weighs 20 to 90 KB of HTML and 4 to 30 KB once compressed: on a
phone's connection that is the difference between the text showing at once or a
quarter of a second later. Static files are compressed beforehand by WhiteNoise,
and files (documents, PDFs, exports) stream as they are: compressing a PDF gains
nothing and would take their length, hence the download's progress, away.

Compressing a page that holds a secret next to text an attacker chooses (words
of a search shown back in the page) lets someone who watches the traffic guess
the secret from the compressed sizes (BREACH), if they can make the victim's
browser send many such requests. Here the session cookie is SameSite=Lax, so
what another site makes the browser fetch (images, scripts, frames) arrives as
an anonymous visitor's request, and no page may be framed (X-Frame-Options);
Django masks the CSRF token anew in every response, so it never repeats; and
GZipMiddleware pads each compressed response with up to 100 random bytes ("Heal
the Breach"), which blurs the sizes such an attack measures.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/ld+json",
    "image/svg+xml",
)


class TextCompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if response.streaming or not response.get("Content-Type", "").startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
