"""notebooks/explore.ipynb: committed clean, runs top to bottom offline, and shows what it promises.

The notebook runs in a kernel of this very interpreter (a kernelspec written to a
temporary JUPYTER_PATH), so a clean ``pip install -e '.[test]'`` is enough and a
user's own ``python3`` kernelspec or IPython profile cannot interfere.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
FOUR = {"actor:RUS", "actor:IRN", "actor:USA", "actor:ISR"}

# Appended to the notebook under test: the state the analyst ends up with, as one JSON line.
PROBE = """
import json as _json
print(_json.dumps({
    "russia_iran": russia_iran[["subject", "object"]].values.tolist(),
    "iran": iran["actor"].tolist(),
    "core_nodes": sorted(core),
    "core_edges": edge_table(core)[["from", "relation", "to"]].values.tolist(),
    "centrality": centrality.index.tolist(),
    "betweenness": centrality["betweenness"].tolist(),
    "balance": balance[["a", "b", "cooperative", "conflictual"]].values.tolist(),
    "timeline_dates": sorted(set(timeline["date"])),
    "page": str(page),
}))
"""


# ---------------------------------------------------------------- the committed file

def test_committed_notebook_is_clean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert all(re.fullmatch(r"[a-z0-9-]+", cell.id) for cell in nb.cells)  # fixed ids: stable diffs


# ---------------------------------------------------------------- running it

@pytest.fixture(scope="module")
def kernel_env(tmp_path_factory):
    """A ``python3`` kernelspec for ``sys.executable`` first on JUPYTER_PATH; private IPython and runtime dirs."""
    from ipykernel.kernelspec import write_kernel_spec

    home = tmp_path_factory.mktemp("jupyter")
    write_kernel_spec(home / "share" / "kernels" / "python3")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(home / "share"))
        patch.setenv("JUPYTER_RUNTIME_DIR", str(home / "runtime"))
        patch.setenv("IPYTHONDIR", str(home / "ipython"))
        patch.delenv("KG_OUT", raising=False)
        yield patch


def execute(out: Path, patch: pytest.MonkeyPatch, folder: Path = NOTEBOOK.parent) -> nbformat.NotebookNode:
    """Run the notebook from ``folder`` (notebooks/) with outputs in ``out``; any cell error fails the run."""
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    probe = nbformat.v4.new_code_cell(PROBE)
    probe.id = "test-probe"
    nb.cells.append(probe)
    patch.setenv("KG_OUT", str(out))
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    errors = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs if o.output_type == "error"]
    assert not errors, errors
    return nb


def tagged(nb: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    return next(cell for cell in nb.cells if tag in cell.metadata.get("tags", []))


def text_of(cell: nbformat.NotebookNode) -> str:
    """Printed text and plain-text results of a cell."""
    parts = [o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout"]
    parts += [o.data.get("text/plain", "") for o in cell.outputs if "data" in o]
    return "\n".join(parts)


def html_of(cell: nbformat.NotebookNode) -> str:
    return "\n".join(o.data["text/html"] for o in cell.outputs if "data" in o and "text/html" in o.data)


@pytest.fixture(scope="module", params=["build", "load", "elsewhere"])
def run(request, kernel_env, tmp_path_factory):
    """The executed notebook and its output folder: building from seeds/ (even with an old graph.ttl in the
    output folder), loading the graph KG_GRAPH names, or run outside the project with KG_GRAPH."""
    out = tmp_path_factory.mktemp(f"nb-{request.param}")
    folder = NOTEBOOK.parent
    from kg.building.builder import build, write_outputs

    if request.param == "build":  # an old graph of another text: the notebook must not show it
        (out / "old").mkdir()
        (out / "old" / "old.txt").write_text("China and Brazil signed a trade deal.", encoding="utf-8")
        write_outputs(build([out / "old"])[0], out)
    else:
        write_outputs(build([ROOT / "seeds"])[0], out)
        kernel_env.setenv("KG_GRAPH", str(out / "graph.ttl"))
    if request.param == "elsewhere":
        folder = tmp_path_factory.mktemp("not-a-project")
    nb = execute(out, kernel_env, folder)
    kernel_env.delenv("KG_GRAPH", raising=False)
    state = json.loads(text_of(nb.cells[-1]))
    return request.param, nb, out, state


@pytest.mark.slow
def test_build_or_load_step(run):
    mode, nb, out, _ = run
    text = text_of(tagged(nb, "build"))
    if mode == "build":
        assert re.search(r"^built from \S+seeds at \d{4}-\d\d-\d\d \d\d:\d\d UTC$", text, re.MULTILINE)
        assert re.search(r"^documents: 1$", text, re.MULTILINE) and re.search(r"^relations: \d+", text, re.MULTILINE)
    else:
        assert re.search(rf"^loaded {re.escape(str(out / 'graph.ttl'))}: \d+ triples, "
                         r"written \d{4}-\d\d-\d\d \d\d:\d\d UTC$", text, re.MULTILINE)
    assert re.search(r"^document russia-iran-missile-experts-2024: Russian Missile Experts", text, re.MULTILINE)
    assert "old" not in text
    if mode == "elsewhere":
        assert "project: none" in text_of(nb.cells[3])
    assert re.search(r"actors: \d+, relations between them: \d+, statements: \d+", text_of(tagged(nb, "overview")))


@pytest.mark.slow
def test_sparql_tables(run):
    _, nb, _, state = run
    pairs = state["russia_iran"]
    assert pairs and all(set(pair) <= {"actor:RUS", "actor:IRN"} and pair[0] != pair[1] for pair in pairs)
    assert {tuple(pair) for pair in pairs} == {("actor:RUS", "actor:IRN"), ("actor:IRN", "actor:RUS")}
    shown = html_of(tagged(nb, "russia-iran"))
    assert "<td>actor:RUS</td>" in shown and "<td>actor:IRN</td>" in shown
    assert state["iran"] and set(state["iran"]) == {"actor:IRN"}
    assert re.search(r"actor:IRN\s+actor:RUS", text_of(tagged(nb, "supplies")))


@pytest.mark.slow
def test_subgraph_and_analytics(run):
    _, nb, _, state = run
    assert state["core_nodes"] == ["IRN", "ISR", "RUS", "USA"]
    assert state["core_edges"] and all({u, v} <= {"IRN", "ISR", "RUS", "USA"} for u, _, v in state["core_edges"])
    assert ["IRN", "SUPPLY", "RUS"] in state["core_edges"]
    assert {"RUS", "IRN"} <= set(state["centrality"][:2]) and state["betweenness"] == sorted(state["betweenness"],
                                                                                          reverse=True)
    pair = next(row for row in state["balance"] if row[:2] == ["IRN", "RUS"])
    assert pair[2] > pair[3]  # Russia and Iran: far more cooperation than conflict


@pytest.mark.slow
def test_time_view(run):
    _, nb, _, state = run
    assert "2024" in state["timeline_dates"]
    chart = text_of(tagged(nb, "timeline-chart"))
    assert re.search(r"^2024\s+█+ \d+$", chart, re.MULTILINE) and "(undated)" in chart


@pytest.mark.slow
def test_interactive_graph_inline(run):
    _, nb, out, state = run
    page = Path(state["page"])
    assert page == out / "explore.html" and page.is_file()
    shown = html_of(tagged(nb, "render"))
    frame = re.fullmatch(r'<div><iframe srcdoc="([^"]*)" width="100%" height="650" [^<>]*></iframe></div>', shown)
    assert frame, shown[:300]
    assert html.unescape(frame.group(1)) == page.read_text(encoding="utf-8")  # the whole page, escaped once


# ---------------------------------------------------------------- the public API the notebook stands on

def test_public_api_functions_survive_their_submodules():
    import kg
    import kg.building.builder
    import kg.outputs.html.renderer
    import kg.sparql.engine

    assert callable(kg.build) and callable(kg.query) and callable(kg.render)


@pytest.mark.slow
def test_ready_queries_answer_on_a_built_graph():
    from kg.building.builder import build  # what kg.build() calls
    from kg.sparql.engine import run_query  # what kg.query() calls
    from kg.sparql.ready import resolve_query

    graph, _ = build([ROOT / "seeds"])
    assert len(list(run_query(graph, resolve_query("actor-relations"), {"actor": "IRN"}))) > 0
