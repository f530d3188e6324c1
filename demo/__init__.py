"""Demo content, written from the facts of the documents the site was created from.

One module per content family (the site and its accounts, practices, forums,
editorial pages, the guide) exposes a `build(context)` function;
`load_demo_content` calls them in order. Long texts and figures sit in modules
of their own beside the builder that loads them (`editorial_data`, `guide_data`,
`practices_data/`). Every builder is idempotent: it looks rows up by
a stable key (slug, code, e-mail) and updates them, so running the command
twice leaves the same site.

The demo sits above every app and may import any of them; no app imports it.
"""
