"""``python -m summarizer.cli``."""

from summarizer.cli import main

main()
