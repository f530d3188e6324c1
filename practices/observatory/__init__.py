"""The observatory: a map of the practices by territory and a dashboard of their indicators.

- `territories`: the shapes of régions and départements and how each is shaded;
- `selection`: which public pages a view counts, from the request's filters;
- `aggregates`: the figures, each computed by the database in a fixed number of queries;
- `snapshots` (and `models`): the computed figures kept in the database, served
  stale while a refresh runs;
- `tasks`: the refresh job, run by the worker after each change;
- `charts`: the geometry of the server-drawn SVG charts;
- `measurements`: keeps an indicator's latest value in step with its readings, and
  marks the figures stale on every change that alters them;
- `sources`: what other apps turn into sheets (the spaces' topics), declared in their
  own `observatory` module and counted in the capitalisation table.
"""
