"""The package's shape: stages that import one way, small modules and classes, documented public API."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kg"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "ontology" not in p.relative_to(PACKAGE).parts)

#: the stages in data-flow order; a stage may import the shared modules and the stages before it
STAGES = ("ingest", "nlp", "extract", "rdf", "stores", "sparql", "network", "outputs", "building", "serve")
SHARED = ("records", "errors", "io", "knowledge")


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_over_400_lines(path: Path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_class_over_200_lines(path: Path):
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(_tree(path))
            if isinstance(n, ast.ClassDef) and n.end_lineno - n.lineno + 1 > 200]
    assert not long


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_public_functions_and_classes_have_docstrings(path: Path):
    tree = _tree(path)
    assert ast.get_docstring(tree), "module docstring"
    missing = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            if not ast.get_docstring(node):
                missing.append(node.name)
            if isinstance(node, ast.ClassDef):
                missing += [f"{node.name}.{m.name}" for m in node.body
                            if isinstance(m, ast.FunctionDef) and not m.name.startswith("_")
                            and not ast.get_docstring(m)
                            and not any(isinstance(d, ast.Name) and d.id == "property" for d in m.decorator_list)]
    assert not missing


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


@pytest.mark.parametrize("path", [p for p in MODULES if _stage(_name(p))], ids=_name)
def test_stages_import_only_earlier_stages(path: Path):
    """The one-way data flow of docs/ARCHITECTURE.md, read off the imports."""
    own = STAGES.index(_stage(_name(path)))
    later = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg."):
            stage = _stage(node.module)
            if stage is not None and STAGES.index(stage) > own:
                later.append(node.module)
    assert not later
