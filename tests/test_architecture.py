"""The layering holds, and the tools that hold it in .ci/run really fail when it is broken.

Each check runs on the real tree (it must pass) and on a copy with one planted violation (it must fail),
so a contract that silently stopped checking anything would show here.
"""

from __future__ import annotations

import ast
import os
import re
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
    assert "6 kept, 0 broken" in result.stdout


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
        ("reading/reports.py", "import pdfplumber  # noqa: E402", "File formats are read in documents/"),
        ("reading/scans.py", "import pytesseract  # noqa: E402", "File formats are read in documents/"),
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


def _import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports, at module level or inside functions (TYPE_CHECKING blocks
    excluded: they are not imports at run time)."""
    graph: dict[str, set[str]] = {}
    modules = {".".join(p.relative_to(package.parent).with_suffix("").parts) for p in package.rglob("*.py")}
    modules = {m.removesuffix(".__init__") for m in modules}
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in ast.walk(node)
        }
        edges: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("summarizer"):
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names if a.name.startswith("summarizer")]
            edges |= {n for n in names if n in modules and n != module}
        graph[module] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles between modules, ignoring a package's import of its own submodules (its ``__init__``)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith(node + ".") or node.startswith(nxt + "."):
                continue
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_no_import_cycles() -> None:
    assert _cycles(_import_graph(PACKAGE)) == []


def test_cycle_check_catches_one(tree: Path) -> None:
    _plant(tree, "reading/figures.py", "from summarizer.reading.meaning import annotate  # noqa: E402")
    cycles = _cycles(_import_graph(tree / "summarizer"))
    assert cycles and any("summarizer.reading.figures" in c for c in cycles)


OPTIONAL = (
    "pdfplumber",
    "pdfminer",
    "docx",
    "trafilatura",
    "lxml",
    "ray",
    "pyarrow",
    "reportlab",
    "PIL",
    "pytesseract",
    "pypdfium2",
)


def test_no_function_level_imports_but_optional_extras() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    name = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                    if (name or "").split(".")[0] not in OPTIONAL:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert found == []


def test_no_module_over_600_lines() -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {p: n for p, n in sizes.items() if n > 600} == {}


def test_ruff_flags_a_function_with_too_many_branches(tree: Path) -> None:
    branches = "\n".join(f"    if x == {k}:\n        return {k}" for k in range(17))
    _plant(tree, "reading/basis.py", f"def _many(x: int) -> int:\n{branches}\n    return -1")
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", "--output-format", "concise", "summarizer/reading/basis.py"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "too-many-branches" in result.stdout


def test_the_reading_stage_imports_without_the_model_sdks() -> None:
    """``import summarizer.reading`` (and a report read with it) works where openai is not installed."""
    code = (
        "import sys\n"
        "for m in ('openai', 'instructor', 'tenacity', 'httpx'):\n"
        "    sys.modules[m] = None\n"
        "from summarizer.reading import build_ledger, read_report\n"
        "ledger = build_ledger(read_report('eval/reports/tay-ho-2024-10-12.txt').text)\n"
        "print(len(ledger.figures))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-1500:]
    assert int(result.stdout) > 10


def test_no_private_module_of_a_library_is_imported_and_no_library_is_patched_at_run_time() -> None:
    """A library's public API only: a private module (``instructor.v2.*``, as the client once imported) or a
    run-time replacement of a library's functions breaks silently on its next release."""
    private = re.compile(r"^\s*(?:from|import)\s+instructor\.(?!core\s+import)\S+", re.MULTILINE)
    patched = re.compile(r"\bsetattr\(\s*(?:instructor|openai|tenacity|httpx|module)\b")
    found = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {m.group().strip()}" for m in private.finditer(text)]
        found += [f"{path.name}: {m.group()}" for m in patched.finditer(text)]
    assert found == []


_VI_LETTER = re.compile(r"[À-ỹđĐ]")
_RE_FUNCTIONS = frozenset({"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"})
MAX_VIETNAMESE_REGEXES = 40
"""Regex literals that may still hold Vietnamese letters: letter classes and a lookbehind or two, not vocabulary."""


def _literal(node: ast.AST) -> str | None:
    """The text of a string literal, an f-string's literal parts or a sum of literals; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp):
        return (_literal(node.left) or "") + (_literal(node.right) or "")
    return None


def vocabulary_in_code(package: Path) -> tuple[list[str], list[str]]:
    """(regex literals holding Vietnamese letters, literal lists / sets / dicts of five or more Vietnamese strings)
    in ``package``, the legacy-encoding tables aside (they are byte tables, not words)."""
    regexes, lists = [], []
    for path in sorted(package.rglob("*.py")):
        if path.name == "legacy.py":
            continue
        where = path.relative_to(package.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in _RE_FUNCTIONS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and _VI_LETTER.search(_literal(node.args[0]) or "")
            ):
                regexes.append(f"{where}:{node.lineno}")
            items = node.elts if isinstance(node, (ast.List, ast.Tuple, ast.Set)) else None
            items = [k for k in node.keys if k is not None] if isinstance(node, ast.Dict) else items
            if items is not None and sum(1 for e in items if _VI_LETTER.search(_literal(e) or "")) >= 5:
                lists.append(f"{where}:{node.lineno}")
    return regexes, lists


def test_vietnamese_words_live_in_data_files_not_in_code() -> None:
    """Knowledge is edited in ``summarizer/data/*.tsv`` (``summarizer.tables``), never in a word list in code."""
    regexes, lists = vocabulary_in_code(PACKAGE)
    assert lists == []
    assert len(regexes) <= MAX_VIETNAMESE_REGEXES, regexes


def test_vocabulary_check_catches_a_word_list_and_a_regex(tree: Path) -> None:
    _plant(tree, "reading/cues.py", '_WORDS = ("tăng", "giảm", "đạt", "bằng", "vượt")')
    _plant(tree, "reading/units.py", 'import re\n_X = re.compile(r"\\b(?:tăng|giảm)\\b")')
    regexes, lists = vocabulary_in_code(tree / "summarizer")
    assert len(lists) == 1 and lists[0].startswith("summarizer/reading/cues.py:")
    assert any(r.startswith("summarizer/reading/units.py:") for r in regexes)
