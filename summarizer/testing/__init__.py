"""Test doubles for tests and benchmarks: a loopback OpenAI-compatible server and known-answer summaries.

Nothing in the runtime package imports this subpackage (an import contract in ``pyproject.toml`` holds it).
"""
