"""Asking: the model request for one report and how it travels. ``prompts`` loads versioned templates,
``requests.prepare`` builds the messages and answer schema from the ledger, ``client`` sends it through the
``openai`` client with validation, re-asks and retries, ``local_server`` runs the embedded llama.cpp model, and a
``recipe`` records everything that shapes an output.
"""

from summarizer.exports import lazy_exports

__all__, __getattr__ = lazy_exports(
    __name__,
    {
        "AsyncModelClient": "client",
        "DEFAULT_PROMPT": "prompts",
        "Job": "requests",
        "LocalServer": "local_server",
        "ModelClient": "client",
        "ModelRequest": "calls",
        "Prompt": "prompts",
        "Recipe": "recipe",
        "StructuredResult": "calls",
        "load_prompt": "prompts",
        "prepare": "requests",
    },
)
