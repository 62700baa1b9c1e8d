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
    assert js(driver, "return kgGraph.edges.length") == sample_nx.number_of_edges()
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
    assert js(driver, VISIBLE_EDGES) == before - supply
    assert "10 of 11 relations" in driver.find_element(By.ID, "kg-shown").text
    box.click()
    assert js(driver, VISIBLE_EDGES) == before
    driver.find_element(By.ID, "kg-rel-none").click()
    assert js(driver, VISIBLE_EDGES) == 0 and js(driver, VISIBLE_NODES) == 0
    driver.find_element(By.ID, "kg-rel-all").click()
    assert js(driver, VISIBLE_EDGES) == before


def test_polarity_status_date_and_actor_filters(driver, sample_page, sample_nx):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(driver, sample_page)
    cooperative = sum(1 for *_, p in sample_nx.edges(data="polarity") if p == 1)
    driver.find_element(By.CSS_SELECTOR, "#kg-polarity input[value='-1']").click()
    assert js(driver, VISIBLE_EDGES) == cooperative
    driver.find_element(By.ID, "kg-reset").click()
    driver.find_element(By.CSS_SELECTOR, "#kg-status input[value='negated']").click()
    assert js(driver, "return kgGraph.edges.get('CHN|ALLY|IRN').hidden") is True
    driver.find_element(By.ID, "kg-reset").click()
    driver.find_element(By.ID, "kg-from").send_keys("2024")
    driver.find_element(By.ID, "kg-to").send_keys("2024")
    # dated 2024-04, 2024-04, 2024-04-18 (twice), 2024-10: SUPPLY, SANCTION, AGREE, THREATEN, CONFLICT
    assert js(driver, VISIBLE_EDGES) == 5
    driver.find_element(By.ID, "kg-reset").click()
    actor = driver.find_element(By.ID, "kg-actor")
    actor.send_keys("Israel", Keys.ENTER)
    actor.send_keys(Keys.TAB)  # "change" fires on leaving the field
    assert (js(driver, VISIBLE_EDGES), js(driver, VISIBLE_NODES)) == (2, 2)
    driver.find_element(By.ID, "kg-reset").click()
    assert js(driver, VISIBLE_EDGES) == sample_nx.number_of_edges()
    assert severe(driver) == []


def test_focus_on_selected_node(driver, sample_page):
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page)
    pointer_to_node(driver, "ISR").click().perform()
    driver.find_element(By.ID, "kg-focus").click()
    assert (js(driver, VISIBLE_EDGES), js(driver, VISIBLE_NODES)) == (2, 2)


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
    for edge_id in js(driver, "return kgGraph.edges.getIds()"):
        js(driver, "kgGraph.showEdge(arguments[0])", edge_id)
        texts.append(driver.find_element(By.ID, "kg-details").text)
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


# ---------------------------------------------------------------- how it looks


def test_screenshot_for_a_human(driver, sample_page):
    """Saves ``out/graph.png``: the sample graph with an edge's evidence open."""
    open_page(driver, sample_page)
    js(driver, "kgGraph.network.selectEdges(['IRN|SUPPLY|RUS']); kgGraph.showEdge('IRN|SUPPLY|RUS')")
    OUT.mkdir(exist_ok=True)
    target = OUT / "graph.png"
    assert driver.save_screenshot(str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 20_000


def test_seed_graph_screenshot(driver, tmp_path):
    """Builds the seed article's graph and saves ``out/seed-graph.png`` (the README's picture)."""
    from kg.building.builder import build
    from kg.network.view import to_networkx
    from kg.outputs.html.renderer import render_html

    graph, _ = build([Path(__file__).resolve().parents[2] / "seeds"])
    G = to_networkx(graph)
    page = render_html(G, tmp_path / "seed.html", title="russia-iran-missile-experts-2024")
    open_page(driver, page)
    assert js(driver, "return kgGraph.nodes.length") == G.number_of_nodes()
    js(driver, "kgGraph.network.selectEdges(['IRN|SUPPLY|RUS']); kgGraph.showEdge('IRN|SUPPLY|RUS')")
    assert severe(driver) == []
    OUT.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(OUT / "seed-graph.png"))
