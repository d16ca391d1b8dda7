"""The layering holds, and the tools that hold it in .ci/run really fail when it is broken.

Each check runs on the real tree (it must pass) and on a copy with one planted violation (it must fail),
so a contract that silently stopped checking anything would show here.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "summarizer"
BIN = Path(sys.executable).parent


def private_imports(package: Path) -> list[str]:
    """``from summarizer.x import _name`` in a module other than ``summarizer.x``: a cross-module private import."""
    found = []
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("summarizer"):
                if node.module == module.removesuffix(".__init__"):
                    continue
                found += [f"{module}: {node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    return found


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the package and the project config, to plant violations in."""
    shutil.copytree(PACKAGE, tmp_path / "summarizer", ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _plant(tree: Path, module: str, line: str) -> None:
    path = tree / "summarizer" / module
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_no_cross_module_private_imports() -> None:
    assert private_imports(PACKAGE) == []


def test_private_import_check_catches_one(tree: Path) -> None:
    _plant(tree, "engines/batch_api.py", "from summarizer.asking.requests import _tagged_report  # noqa: E402")
    assert private_imports(tree / "summarizer") == [
        "summarizer.engines.batch_api: summarizer.asking.requests._tagged_report"
    ]


def test_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "5 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("engines/pipeline.py", "import openai  # noqa: E402", "Only client.py talks to the model SDKs"),
        (
            "reading/figures.py",
            "import summarizer.cli  # noqa: E402",
            "Data layers and the evaluation never import the CLI",
        ),
        ("engines/direct.py", "import summarizer.testing.fakeserver  # noqa: E402", "No runtime module imports a"),
        ("wording/prose.py", "import summarizer.checking.grounding  # noqa: E402", "Stages import only the stages"),
        ("reading/meaning.py", "import summarizer.asking.requests  # noqa: E402", "Stages import only the stages"),
        ("schema.py", "import summarizer.reading.figures  # noqa: E402", "The shared base"),
    ],
)
def test_import_contracts_fail_when_broken(tree: Path, module: str, line: str, contract: str) -> None:
    _plant(tree, module, line)
    result = _lint_imports(tree)
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if line.endswith(" BROKEN")]
    assert any(line.startswith(contract) for line in broken), result.stdout[-1500:]


def test_ruff_flags_private_member_access(tree: Path) -> None:
    _plant(tree, "engines/batch_api.py", "def _peek(s: Summarizer) -> object:\n    return s._client")
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", "--output-format", "concise", "summarizer/engines/batch_api.py"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "private-member-access" in result.stdout
