"""Benchmarks of the search, run by hand and never by the test command.

- `python -m bench.generate --pages N`: the synthetic corpus alone (`bench.corpus`,
  words from `bench.vocabulary`), in the benchmark database of that size.
- `python -m bench.search --pages N [--backends engine database] [--engine URL]`:
  rebuild, search, autocompletion and publish → searchable figures, one line per
  backend (`bench.measurements`).

Both run from the repository root with `.venv/bin/python`; `bench.environment`
explains which database and index prefix they use.
"""
