"""The observatory: a map of the practices by territory and a dashboard of their indicators.

- `territories`: the shapes of régions and départements and how each is shaded;
- `selection`: which public pages a view counts, from the request's filters;
- `aggregates`: the figures, computed by the database and cached until a publication;
- `charts`: the geometry of the server-drawn SVG charts;
- `measurements`: keeps an indicator's latest value in step with its readings.
"""
