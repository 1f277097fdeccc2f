"""Scoring, beside the stages: extraction against gold files and CoNLL04, annotators against each other.

- :mod:`scoring.metrics`: precision, recall and F1, stated once;
- :mod:`scoring.gold`: gold relation files (``../shared/gold/GUIDELINES.md``), scoring and agreement;
- :mod:`scoring.conll04`: the CoNLL04 benchmark;
- :mod:`scoring.report`: the text tables the CLI prints.

It may import ``extract`` (to run what it scores) and ``base``; the stages never import it.
"""
