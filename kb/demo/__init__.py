"""Demo content, written from the facts of the documents the site was created from.

Each app that has demo content exposes a `build(context)` function in its own
`demo` module; `load_demo_content` calls them in order. Every builder is
idempotent: it looks rows up by a stable key (slug, code, e-mail) and updates
them, so running the command twice leaves the same site.
"""
