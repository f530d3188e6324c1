"""Generate the benchmark corpus alone: `.venv/bin/python -m bench.generate --pages 10000`.

The pages go to the benchmark database of that size (see `bench.environment`);
running it again only adds what is missing.
"""

import argparse

from bench.environment import setup


def main():
    parser = argparse.ArgumentParser(description="Generate the benchmark corpus.")
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    setup(options.pages)

    from bench.corpus import corpus_size, ensure_corpus

    added = ensure_corpus(options.pages, seed=options.seed)
    print(f"{added} pages added; the corpus holds {corpus_size()} pages.")


if __name__ == "__main__":
    main()
