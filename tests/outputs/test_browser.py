"""The rendered page in a real headless Chromium: draws, filters, shows details, stays inert.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make browser``); skipped without them.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.outputs.html.renderer import iframe_html, render_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
OUT = Path(__file__).resolve().parents[2] / "out"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1440,900", "--hide-scrollbars", "--force-device-scale-factor=1"]

VISIBLE_EDGES = "return Object.values(kgGraph.network.body.edges).filter(e => !e.options.hidden).length"
VISIBLE_NODES = "return Object.values(kgGraph.network.body.nodes).filter(n => !n.options.hidden).length"
PASSING = "return kgGraph.passingEdges().length"  # typed relations that pass the filters, in either view
DOCS = Path(__file__).resolve().parents[2] / "docs"
OVERLAPS = """
const net = kgGraph.network, boxes = [];
for (const [id, n] of Object.entries(net.body.nodes)) {
  if (n.options.hidden || !kgGraph.nodes.get(id)) continue;
  const r = n.options.size, s = n.labelModule.size;
  boxes.push({own: [id], what: 'actor ' + id, l: n.x - r, r: n.x + r, t: n.y - r, b: n.y + r});
  boxes.push({own: [id], what: 'name of ' + id, l: s.left, r: s.left + s.width, t: s.top, b: s.top + s.height});
}
for (const [id, e] of Object.entries(net.body.edges)) {
  if (e.options.hidden || !(e.options.label || '').trim() || !kgGraph.edges.get(id)) continue;
  const s = e.labelModule.size;
  boxes.push({own: [e.fromId, e.toId], what: 'label of ' + id,
              l: s.left, r: s.left + s.width, t: s.top, b: s.top + s.height});
}
const hits = [];
for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
  const a = boxes[i], b = boxes[j];
  if (a.own.length === 1 && b.own.length === 1 && a.own[0] === b.own[0]) continue;
  if (a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b) hits.push(a.what + ' x ' + b.what);
}
return hits;
"""
SHOWN_LABELS = "return kgGraph.edges.get({filter: e => !e.hidden}).filter(e => e.label.trim()).length"


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs /usr/bin/chromium and /usr/bin/chromedriver (make browser)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    chrome = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    chrome.set_window_size(1440, 900)
    yield chrome
    chrome.quit()


def open_page(driver, path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser"), driver.get_log("performance")  # forget earlier pages
    driver.get(path.as_uri())
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")


def severe(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requested_urls(driver) -> list[str]:
    messages = (json.loads(entry["message"])["message"] for entry in driver.get_log("performance"))
    return [m["params"]["request"]["url"] for m in messages if m["method"] == "Network.requestWillBeSent"]


def js(driver, script: str, *args):
    return driver.execute_script(script, *args)


def no_alert(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def node_offset(driver, node: str) -> tuple[int, int]:
    """The node's position relative to the centre of the canvas (Selenium 4 offsets)."""
    x, y, width, height = js(driver, """
        const p = kgGraph.network.canvasToDOM(kgGraph.network.getPositions([arguments[0]])[arguments[0]]);
        const box = document.getElementById('kg-canvas').getBoundingClientRect();
        return [p.x, p.y, box.width, box.height];""", node)
    return round(x - width / 2), round(y - height / 2)


def pointer_to_node(driver, node: str):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.ID, "kg-canvas")
    return ActionChains(driver).move_to_element_with_offset(canvas, *node_offset(driver, node))


def painted_pixels(driver) -> int:
    """Pixels of the graph canvas that differ from its background."""
    return js(driver, """
        const c = document.querySelector('#kg-canvas canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240)) n++; }
        return n;""")


@pytest.fixture
def sample_page(sample_nx, tmp_path) -> Path:
    return render_html(sample_nx, tmp_path / "graph.html", title="Sample corpus")


# ---------------------------------------------------------------- drawing


def test_page_draws_every_node_offline_without_errors(driver, sample_page, sample_nx):
    open_page(driver, sample_page)
    assert js(driver, "return kgGraph.nodes.length") == sample_nx.number_of_nodes()
    pairs = len({frozenset((u, v)) for u, v in sample_nx.edges()})
    assert js(driver, "return kgGraph.edges.length") == pairs, "typed relations join the drawing when shown"
    assert js(driver, VISIBLE_EDGES) == pairs, "one edge per pair by default"
    assert js(driver, VISIBLE_NODES) == sample_nx.number_of_nodes()
    assert js(driver, "return kgGraph.network.physics.options.enabled") is False, "physics off once settled"
    positions = js(driver, "return kgGraph.network.getPositions()")
    assert sorted(positions) == sorted(sample_nx) and all(abs(p["x"]) < 1e5 for p in positions.values())
    assert painted_pixels(driver) > 5000, "the canvas is not blank"
    assert severe(driver) == []
    network = [url for url in requested_urls(driver) if url.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))]
    assert network == [], "nothing from the network"


def test_hover_and_click_a_node(driver, sample_page):
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    pointer_to_node(driver, "IRN").perform()
    tip = driver.find_element(By.CSS_SELECTOR, ".vis-tooltip")
    assert tip.is_displayed() and tip.text.startswith("Iran (IRN)")
    pointer_to_node(driver, "IRN").click().perform()
    details = driver.find_element(By.ID, "kg-details")
    assert details.find_element(By.TAG_NAME, "h2").text == "Iran"
    link = details.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q794"
    relation = next(b for b in details.find_elements(By.CSS_SELECTOR, "button.kg-link") if "SUPPLY" in b.text)
    relation.click()
    assert details.find_element(By.TAG_NAME, "h2").text == "SUPPLY · supplies"
    quotes = [q.text for q in details.find_elements(By.CSS_SELECTOR, "blockquote")]
    assert quotes[0] == "Iran supplied drones to Russia in 2023, Bloomberg reported." and len(quotes) == 4
    assert "Bloomberg" in details.text and "hypothetical" in details.text
    assert severe(driver) == []


# ---------------------------------------------------------------- filters


def test_unticking_a_relation_type_hides_its_edges(driver, sample_page, sample_nx):
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    before = js(driver, VISIBLE_EDGES)
    supply = sum(1 for *_, k in sample_nx.edges(keys=True) if k == "SUPPLY")
    box = driver.find_element(By.CSS_SELECTOR, "#kg-relations input[value='SUPPLY']")
    box.click()
    assert js(driver, PASSING) == sample_nx.number_of_edges() - supply
    assert "10 of 11 relations" in driver.find_element(By.ID, "kg-shown").text
    assert js(driver, VISIBLE_EDGES) == before, "every pair keeps another relation"
    assert js(driver, "return kgGraph.edges.get('IRN~RUS').label") == "AGREE", "the pair is restyled"
    box.click()
    assert js(driver, VISIBLE_EDGES) == before
    assert js(driver, "return kgGraph.edges.get('IRN~RUS').label") == "SUPPLY, AGREE"
    js(driver, "kgGraph.setMode('types')")
    assert js(driver, VISIBLE_EDGES) == sample_nx.number_of_edges(), "one edge per relation type"
    box.click()
    assert js(driver, VISIBLE_EDGES) == sample_nx.number_of_edges() - supply
    box.click()
    driver.find_element(By.ID, "kg-rel-none").click()
    assert js(driver, VISIBLE_EDGES) == 0 and js(driver, VISIBLE_NODES) == 0
    driver.find_element(By.ID, "kg-rel-all").click()
    assert js(driver, VISIBLE_EDGES) == sample_nx.number_of_edges()


def test_polarity_status_date_and_actor_filters(driver, sample_page, sample_nx):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(driver, sample_page)
    cooperative = sum(1 for *_, p in sample_nx.edges(data="polarity") if p == 1)
    driver.find_element(By.CSS_SELECTOR, "#kg-polarity input[value='-1']").click()
    assert js(driver, PASSING) == cooperative
    driver.find_element(By.ID, "kg-reset").click()
    driver.find_element(By.CSS_SELECTOR, "#kg-status input[value='negated']").click()
    assert js(driver, "return kgGraph.passingEdges().some(e => e.id === 'CHN|ALLY|IRN')") is False
    driver.find_element(By.ID, "kg-reset").click()
    driver.find_element(By.ID, "kg-from").send_keys("2024")
    driver.find_element(By.ID, "kg-to").send_keys("2024")
    # dated 2024-04, 2024-04, 2024-04-18 (twice), 2024-10: SUPPLY, SANCTION, AGREE, THREATEN, CONFLICT
    assert js(driver, PASSING) == 5
    driver.find_element(By.ID, "kg-reset").click()
    actor = driver.find_element(By.ID, "kg-actor")
    actor.send_keys("Israel", Keys.ENTER)
    actor.send_keys(Keys.TAB)  # "change" fires on leaving the field
    assert (js(driver, PASSING), js(driver, VISIBLE_EDGES), js(driver, VISIBLE_NODES)) == (2, 1, 2)
    driver.find_element(By.ID, "kg-reset").click()
    assert js(driver, PASSING) == sample_nx.number_of_edges()
    assert severe(driver) == []


def test_focus_on_selected_node(driver, sample_page):
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    pointer_to_node(driver, "ISR").click().perform()
    driver.find_element(By.ID, "kg-focus").click()
    assert (js(driver, PASSING), js(driver, VISIBLE_NODES)) == (2, 2)


def test_python_focus_renders_the_ego_network(driver, sample_nx, tmp_path):
    from selenium.webdriver.common.by import By

    open_page(driver, render_html(sample_nx, tmp_path / "isr.html", focus="ISR"))
    assert js(driver, "return kgGraph.nodes.length") == 2
    assert driver.find_element(By.CSS_SELECTOR, "#kg-details h2").text == "Israel"
    assert js(driver, "return kgGraph.network.getSelectedNodes()") == ["ISR"]


def test_empty_graph_says_so(driver, tmp_path):
    import networkx as nx
    from selenium.webdriver.common.by import By

    open_page(driver, render_html(nx.MultiDiGraph(), tmp_path / "empty.html"))
    assert driver.find_element(By.ID, "kg-empty").is_displayed()
    assert severe(driver) == []


def test_page_works_inside_a_sandboxed_iframe(driver, sample_nx, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    wrapper = tmp_path / "notebook.html"
    wrapper.write_text(f"<!DOCTYPE html><meta charset=utf-8><body>{iframe_html(sample_nx)}</body>", encoding="utf-8")
    driver.get_log("browser")
    driver.get(wrapper.as_uri())
    driver.switch_to.frame(driver.find_element(By.TAG_NAME, "iframe"))
    try:
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")
        assert js(driver, "return kgGraph.nodes.length") == sample_nx.number_of_nodes()
    finally:
        driver.switch_to.default_content()
    assert severe(driver) == []


# ---------------------------------------------------------------- hostile input


def test_hostile_corpus_renders_inert(driver, hostile_nx, tmp_path):
    from selenium.webdriver.common.by import By

    open_page(driver, render_html(hostile_nx, tmp_path / "hostile.html", title="<script>window.__pwned=9</script>"))
    assert js(driver, "return kgGraph.nodes.length") == hostile_nx.number_of_nodes()
    for node in hostile_nx:
        js(driver, "kgGraph.showNode(arguments[0])", node)
        pointer_to_node(driver, node).click().perform()
    texts = []
    for edge_id in js(driver, "return Object.keys(kgGraph.typed)"):
        js(driver, "kgGraph.showEdge(arguments[0])", edge_id)
        texts.append(driver.find_element(By.ID, "kg-details").text)
    for pair in js(driver, "return Object.keys(kgGraph.dyads)"):
        js(driver, "kgGraph.showDyad(arguments[0])", pair)
        texts.append(driver.find_element(By.ID, "kg-details").text)
    js(driver, "kgGraph.setView('matrix')")
    csv = js(driver, "return kgGraph.csv()")
    assert csv.startswith("from,from_name,relation,") and "window.__pwned=8" in csv, "the name, as text"
    details = "\n".join(texts)
    assert "Iran <script>window.__pwned=1</script> supplied drones to Russia." in details
    assert 'Russia <img src=x onerror="window.__pwned=3"> attacked Ukraine.' in details
    assert "javascript:window.__pwned=6" in details and "⟨U+202E⟩" in details
    assert js(driver, "return typeof window.__pwned") == "undefined"
    assert js(driver, "return document.querySelectorAll('body img, body iframe, #kg-details script').length") == 0
    assert js(driver, "return [...document.querySelectorAll('a')].map(a => a.protocol)") == []
    assert driver.title == "<script>window.__pwned=9</script>"
    assert no_alert(driver)
    assert severe(driver) == [], "no error, not even a blocked script"


# ---------------------------------------------------------------- pairs, labels, views, export


def test_pairs_expand_into_typed_relations_and_collapse(driver, sample_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    x, y = js(driver, """
        const p = kgGraph.network.getPositions(['IRN', 'RUS']);
        const m = kgGraph.network.canvasToDOM({x: (p.IRN.x + p.RUS.x) / 2, y: (p.IRN.y + p.RUS.y) / 2});
        const box = document.getElementById('kg-canvas').getBoundingClientRect();
        return [Math.round(m.x - box.width / 2), Math.round(m.y - box.height / 2)];""")
    canvas = driver.find_element(By.ID, "kg-canvas")
    ActionChains(driver).move_to_element_with_offset(canvas, x, y).click().perform()
    assert js(driver, "return kgGraph.isShown('IRN~RUS')") is False
    assert js(driver, "return kgGraph.isShown('IRN|SUPPLY|RUS')") is True
    assert js(driver, "return kgGraph.isShown('IRN|AGREE|RUS')") is True
    details = driver.find_element(By.ID, "kg-details")
    assert "Iran — Russia" in details.text and "SUPPLY: Iran → Russia (4)" in details.text
    assert js(driver, OVERLAPS) == [], "expanded, no label overlaps another or an actor"
    ActionChains(driver).move_to_element_with_offset(canvas, -canvas.size["width"] // 2 + 5,
                                                     canvas.size["height"] // 2 - 5).click().perform()
    assert js(driver, "return kgGraph.isShown('IRN~RUS')") is True, "a click on the background collapses"
    assert js(driver, "return kgGraph.isShown('IRN|SUPPLY|RUS')") is False
    js(driver, "kgGraph.expand('IRN~RUS', true); kgGraph.showDyad('IRN~RUS')")
    next(b for b in details.find_elements(By.TAG_NAME, "button") if b.text == "Collapse into one edge").click()
    assert js(driver, "return kgGraph.isShown('IRN~RUS')") is True, "the panel's button collapses"
    assert severe(driver) == []


def test_page_restyles_pairs_by_the_rules_of_the_renderer(driver, sample_page):
    """The page's own pair styling (used when filters hide relations) equals the renderer's, pair by pair."""
    open_page(driver, sample_page)
    mismatches = js(driver, """
        return kgGraph.data.dyads.map(d => {
          const s = kgGraph.dyadStyle(d, d.kg.members.map(id => kgGraph.typed[id]));
          const same = s.label === d.label && s.color.color === d.color.color && s.from === d.from && s.to === d.to &&
            Math.abs(s.width - d.width) < 0.011 && s.arrows.to.enabled === d.arrows.to.enabled &&
            JSON.stringify(s.dashes) === JSON.stringify(d.dashes);
          return same ? null : [d.id, s.label, d.label, s.color.color, d.color.color];
        }).filter(x => x);""")
    assert mismatches == []


def test_seed_labels_never_overlap(driver, seed_page):
    open_page(driver, seed_page)
    assert js(driver, OVERLAPS) == []
    assert js(driver, SHOWN_LABELS) == js(driver, VISIBLE_EDGES), "every pair's label is shown"
    for pair in js(driver, "return Object.keys(kgGraph.dyads)"):
        js(driver, "kgGraph.expand(arguments[0], true)", pair)
        assert js(driver, OVERLAPS) == [], pair
        js(driver, "kgGraph.expand(arguments[0], false)", pair)
    js(driver, "kgGraph.setMode('types')")
    assert js(driver, OVERLAPS) == [], "typed view: labels that would overlap are left to the tooltips"
    assert js(driver, SHOWN_LABELS) >= 5


def test_filters_refit_and_clear_stale_details(driver, sample_page):
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    js(driver, "kgGraph.showEdge('CHN|ALLY|IRN')")
    scale = js(driver, "return kgGraph.network.getScale()")
    driver.find_element(By.CSS_SELECTOR, "#kg-status input[value='negated']").click()
    assert "ALLY" not in driver.find_element(By.ID, "kg-details").text, "the hidden relation's details are gone"
    driver.find_element(By.ID, "kg-reset").click()
    pointer_to_node(driver, "IRN").perform()
    tip = driver.find_element(By.CSS_SELECTOR, ".vis-tooltip")
    assert tip.is_displayed()
    js(driver, "kgGraph.setActor('ISR')")  # as a filter would, with the pointer still on Iran
    assert not tip.is_displayed(), "no tooltip left open"
    assert js(driver, "return kgGraph.network.getScale()") != scale, "re-fitted to what is left"
    assert driver.find_element(By.CSS_SELECTOR, "#kg-details h2").text == "Israel"


def test_node_panel_marks_hypothetical_and_negated_only(driver, sample_page):
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    js(driver, "kgGraph.showNode('CHN')")
    items = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#kg-details ul.kg-links li")]
    assert any(t.startswith("✗ ALLY") and t.endswith("✗ negated only") for t in items), items
    js(driver, "kgGraph.showNode('USA')")
    items = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#kg-details ul.kg-links li")]
    assert any("CONSULT" in t and t.endswith("hypothetical only") for t in items), items


def test_search_over_evidence_sentences(driver, sample_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(driver, sample_page)
    driver.find_element(By.ID, "kg-search").send_keys("shahed")
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(PASSING) == 1)
    assert js(driver, "return kgGraph.passingEdges()[0].id") == "IRN|SUPPLY|RUS"
    assert js(driver, VISIBLE_NODES) == 2
    js(driver, "kgGraph.showEdge('IRN|SUPPLY|RUS')")
    assert [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#kg-details mark")] == ["Shahed"]


def test_matrix_view(driver, sample_page, sample_nx):
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    driver.find_element(By.ID, "kg-view-matrix").click()
    assert driver.find_element(By.ID, "kg-matrix").is_displayed()
    order = js(driver, "return kgGraph.matrix().order.map(n => n.id)")
    assert sorted(order) == sorted(sample_nx)
    driver.find_element(By.CSS_SELECTOR, "#kg-order option[value='degree']").click()
    assert js(driver, "return kgGraph.matrix().order[0].id") == "IRN", "most neighbours first"
    m = js(driver, "const m = kgGraph.matrix(); return [m.offset, m.cell, m.index.IRN, m.index.RUS]")
    offset, cell, row, col = m
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element(By.ID, "kg-matrix-canvas")
    ActionChains(driver).move_to_element_with_offset(
        canvas, offset + col * cell + cell // 2 - canvas.size["width"] // 2,
        offset + row * cell + cell // 2 - canvas.size["height"] // 2).click().perform()
    assert "Iran — Russia" in driver.find_element(By.ID, "kg-details").text
    driver.find_element(By.CSS_SELECTOR, "#kg-polarity input[value='1']").click()
    left = js(driver, "return kgGraph.matrix().order.map(n => n.id)")
    assert "CHN" not in left and "NATO" not in left and "RUS" in left, "filters apply"
    OUT.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(OUT / "matrix.png"))
    assert severe(driver) == []


def test_timeline_brush_filters_the_graph(driver, sample_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    months = js(driver, "return kgGraph.timeline.months")
    assert months[0] <= "2022-02" and months[-1] >= "2025-01"
    bars = driver.find_elements(By.CSS_SELECTOR, "#kg-timeline-svg rect.kg-bar")
    assert len(bars) == len(months)
    svg = driver.find_element(By.ID, "kg-timeline-svg")
    width = svg.size["width"]

    def at(month: str) -> int:
        return round((months.index(month) + 0.5) / len(months) * width - width / 2)

    ActionChains(driver).move_to_element_with_offset(svg, at("2024-04"), 0).click_and_hold() \
        .move_to_element_with_offset(svg, at("2024-10"), 0).release().perform()
    assert (driver.find_element(By.ID, "kg-from").get_attribute("value"),
            driver.find_element(By.ID, "kg-to").get_attribute("value")) == ("2024-04", "2024-10")
    assert js(driver, PASSING) == 5
    ActionChains(driver).move_to_element_with_offset(svg, at("2023-01"), 0).click().perform()
    assert driver.find_element(By.ID, "kg-from").get_attribute("value") == ""


def test_export_csv_and_png(driver, sample_page, tmp_path):
    import csv
    import io

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(driver, sample_page)
    driver.find_element(By.CSS_SELECTOR, "#kg-polarity input[value='1']").click()
    rows = list(csv.DictReader(io.StringIO(js(driver, "return kgGraph.csv()"))))
    assert len(rows) == js(driver, PASSING) and {r["polarity"] for r in rows} == {"-1"}
    assert js(driver, "return kgGraph.png()").startswith("data:image/png;base64,")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.find_element(By.ID, "kg-export-csv").click()
    driver.find_element(By.ID, "kg-export-png").click()
    WebDriverWait(driver, 10).until(lambda d: sorted(p.name for p in downloads.iterdir()) == [
        "Sample-corpus.csv", "Sample-corpus.png"])
    saved = next(downloads.glob("*.csv")).read_text(encoding="utf-8")
    assert saved.replace("\r\n", "\n") == js(driver, "return kgGraph.csv()").replace("\r\n", "\n")
    assert next(downloads.glob("*.png")).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert js(driver, "return document.querySelectorAll('a').length") == 0, "the download link is gone"


def test_csv_cells_never_start_a_formula(driver, tmp_path):
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("A", label="=HYPERLINK(\"x\")")
    G.add_node("B", label="+B, \"quoted\"")
    G.add_edge("A", "B", key="SUPPLY", relation="SUPPLY", polarity=1, count=1, factual=1, negated=0, hypothetical=0)
    open_page(driver, render_html(G, tmp_path / "formula.html"))
    text = js(driver, "return kgGraph.csv()")
    assert ",'=HYPERLINK(\"\"x\"\")," in text.replace('"\'=HYPERLINK(""x"")"', "'=HYPERLINK(\"\"x\"\")")
    assert "\"'+B, \"\"quoted\"\"\"" in text


# ---------------------------------------------------------------- how it looks


@pytest.fixture(scope="module")
def seed_graph():
    from kg.building.builder import build
    from kg.network.view import to_networkx

    graph, _ = build([Path(__file__).resolve().parents[2] / "seeds"])
    return to_networkx(graph)


@pytest.fixture
def seed_page(seed_graph, tmp_path) -> Path:
    return render_html(seed_graph, tmp_path / "seed.html")


def test_screenshot_for_a_human(driver, sample_page):
    """Saves ``out/graph.png``: the sample graph with a pair's relations open."""
    open_page(driver, sample_page)
    js(driver, "kgGraph.expand('IRN~RUS', true); kgGraph.showDyad('IRN~RUS')")
    OUT.mkdir(exist_ok=True)
    target = OUT / "graph.png"
    assert driver.save_screenshot(str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 20_000


def test_seed_graph_screenshot(driver, seed_graph, seed_page):
    """Saves ``docs/seed-graph.png``, the README's picture: the seed article's graph, one pair's relations open."""
    open_page(driver, seed_page)
    assert js(driver, "return kgGraph.nodes.length") == seed_graph.number_of_nodes()
    assert driver.title.startswith("Russian Missile Experts Visit Iran"), "titled from the document"
    js(driver, "kgGraph.network.selectEdges(['IRN~RUS']); kgGraph.showDyad('IRN~RUS')")
    assert severe(driver) == []
    assert driver.save_screenshot(str(DOCS / "seed-graph.png"))


def test_200_actors_screenshot(driver, tmp_path):
    """A synthetic graph of 200 actors and 5,000 relations opens, with no actor or name overlapping another;
    saves ``out/graph-200.png``."""
    import random

    import networkx as nx

    rng = random.Random(7)
    G = nx.MultiDiGraph()
    actors = [f"A{i:03d}" for i in range(200)]
    for i, a in enumerate(actors):
        G.add_node(a, label=f"Country {i}", kind="State")
    types = [("SUPPLY", 1, False), ("ATTACK", -1, False), ("CONSULT", 1, True), ("OPPOSE", -1, False)]
    while G.number_of_edges() < 5000:
        u, v = rng.sample(actors[: rng.choice([40, 200])], 2)
        key, polarity, symmetric = rng.choice(types)
        if not G.has_edge(u, v, key):
            n = rng.choice([1, 1, 2, 3, 5])
            G.add_edge(u, v, key=key, relation=key, polarity=polarity, symmetric=symmetric, count=n, factual=n,
                       negated=0, hypothetical=0, evidence=[])
    open_page(driver, render_html(G, tmp_path / "big.html"))
    assert js(driver, VISIBLE_NODES) == 200
    hits = [h for h in js(driver, OVERLAPS) if "label of" not in h]
    assert hits == []
    OUT.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(OUT / "graph-200.png"))
