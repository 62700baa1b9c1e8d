"""Shared fixtures: a small hand-made corpus of documents, actors and assertions.

The assertions' offsets point into the documents' text, sentence by sentence,
so every fixture is a faithful instance of the data model.
"""
from __future__ import annotations

import threading
from typing import Iterator

import pytest

from kg.records import Actor, Assertion, Document

ACTORS: dict[str, Actor] = {a.id: a for a in (
    Actor("CHN", "China", wikidata="Q148"),
    Actor("IRN", "Iran", wikidata="Q794"),
    Actor("ISR", "Israel", wikidata="Q801"),
    Actor("RUS", "Russia", wikidata="Q159"),
    Actor("UKR", "Ukraine", wikidata="Q212"),
    Actor("USA", "United States", wikidata="Q30"),
    Actor("NATO", "NATO", kind="Organisation", wikidata="Q7184"),
)}

SENTENCES: dict[str, tuple[str, str | None, list[str]]] = {  # doc id → (title, date, sentences)
    "d1": ("Drones for Moscow", "2024-05-01", [
        "Iran supplied drones to Russia in 2023, Bloomberg reported.",
        "Russia and Iran signed a 20-year treaty in January 2025.",
        "Iran plans to transfer ballistic missiles to Russia.",
        "China is not an ally of Iran, Beijing said.",
    ]),
    "d2": ("Sanctions", "2024-04-18", [
        "The U.S. sanctioned Iranian firms in April 2024.",
        "Tehran again supplied Shahed drones to Moscow in April 2024.",
        "Iran and Russia agreed on a gas deal.",
        "Iran threatened Israel with retaliation.",
        "Russia and the United States could find common ground.",
    ]),
    "d3": ("War", None, [
        "Russia invaded Ukraine in February 2022.",
        "Kyiv accused Iran of supplying drones to Russia, Zelensky said.",
        "Iran's war with Israel escalated in October 2024.",
        "NATO backed Ukraine.",
        "China backed Russia's position at the UN.",
    ]),
}

# (doc, sentence index, subject, relation, object, negated, hypothetical, date, source)
ROWS = [
    ("d1", 0, "IRN", "SUPPLY", "RUS", False, False, "2023", "Bloomberg"),
    ("d1", 1, "RUS", "AGREE", "IRN", False, False, "2025-01", None),
    ("d1", 2, "IRN", "SUPPLY", "RUS", False, True, None, None),
    ("d1", 3, "CHN", "ALLY", "IRN", True, False, None, "Beijing"),
    ("d2", 0, "USA", "SANCTION", "IRN", False, False, "2024-04", None),
    ("d2", 1, "IRN", "SUPPLY", "RUS", False, False, "2024-04", None),
    ("d2", 2, "IRN", "AGREE", "RUS", False, False, "2024-04-18", None),
    ("d2", 3, "IRN", "THREATEN", "ISR", False, False, "2024-04-18", None),
    ("d2", 4, "RUS", "CONSULT", "USA", False, True, None, None),
    ("d3", 0, "RUS", "ATTACK", "UKR", False, False, "2022-02", None),
    ("d3", 1, "UKR", "OPPOSE", "IRN", False, False, None, "Zelensky"),
    ("d3", 1, "IRN", "SUPPLY", "RUS", False, False, None, "Zelensky"),
    ("d3", 2, "ISR", "CONFLICT", "IRN", False, False, "2024-10", None),
    ("d3", 3, "NATO", "SUPPORT", "UKR", False, False, None, None),
    ("d3", 4, "CHN", "SUPPORT", "RUS", False, False, None, None),
]


def make_documents(sentences: dict[str, tuple[str, str | None, list[str]]]) -> list[Document]:
    return [Document(id=d, text=" ".join(s), date=date, title=title) for d, (title, date, s) in sentences.items()]


def make_assertions(sentences: dict[str, tuple[str, str | None, list[str]]], rows: list[tuple]) -> list[Assertion]:
    """Assertions whose sentence and offsets are those of sentence ``index`` of the document."""
    found = []
    for doc, index, subject, relation, obj, negated, hypothetical, date, source in rows:
        texts = sentences[doc][2]
        start = sum(len(s) + 1 for s in texts[:index])
        found.append(Assertion(doc, subject, relation, obj, negated, hypothetical, date, source,
                               texts[index], start, start + len(texts[index])))
    return found


@pytest.fixture
def sample_actors() -> dict[str, Actor]:
    return dict(ACTORS)


@pytest.fixture
def sample_documents() -> list[Document]:
    return make_documents(SENTENCES)


@pytest.fixture
def sample_assertions() -> list[Assertion]:
    return make_assertions(SENTENCES, ROWS)


HOSTILE = "<script>window.__pwned=1</script>"
HOSTILE_SENTENCES: dict[str, tuple[str, str | None, list[str]]] = {
    "x</script><script>window.__pwned=2</script>": ("<b>title</b>", "2024-01-01", [
        f"Iran {HOSTILE} supplied drones to Russia.",
        'Russia <img src=x onerror="window.__pwned=3"> attacked Ukraine.',
        "Iran\u202e ,aissuR htiw detarepooc\u200b\u200d\ufeff zero-width & \u2028 line \u2029 separators.",
        "Click <a href=\"javascript:window.__pwned=4\">here</a> ]]> --> <!-- & &amp; \" ' `${window.__pwned=5}`",
    ]),
}
HOSTILE_ROWS = [
    ("x</script><script>window.__pwned=2</script>", 0, "IRN", "SUPPLY", "RUS", False, False,
     "2024</script>", "javascript:window.__pwned=6"),
    ("x</script><script>window.__pwned=2</script>", 1, "RUS", "ATTACK", "UKR", True, False, None,
     '<img src=x onerror="window.__pwned=7">'),
    ("x</script><script>window.__pwned=2</script>", 2, "IRN", "COOPERATE", "RUS", False, True, None, None),
    ("x</script><script>window.__pwned=2</script>", 3, "EVIL", "OPPOSE", "IRN", False, False, None, None),
]


@pytest.fixture
def hostile_actors() -> dict[str, Actor]:
    evil = Actor("EVIL", '<img src=x onerror="window.__pwned=8">\u202eLIVE', kind="Person",
                 wikidata="javascript:alert(1)")
    return {**ACTORS, "EVIL": evil}


@pytest.fixture
def hostile_documents() -> list[Document]:
    return make_documents(HOSTILE_SENTENCES)


@pytest.fixture
def hostile_assertions() -> list[Assertion]:
    return make_assertions(HOSTILE_SENTENCES, HOSTILE_ROWS)


@pytest.fixture
def sample_rdf(sample_assertions, sample_documents, sample_actors):
    from kg.rdf.writing import graph_from

    return graph_from(sample_assertions, sample_documents, sample_actors)


@pytest.fixture
def sample_nx(sample_rdf):
    from kg.network.view import to_networkx

    return to_networkx(sample_rdf)


@pytest.fixture
def hostile_nx(hostile_assertions, hostile_documents, hostile_actors):
    from kg.network.view import to_networkx
    from kg.rdf.writing import graph_from

    return to_networkx(graph_from(hostile_assertions, hostile_documents, hostile_actors))


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A TCP listener on 127.0.0.1 that records every connection it gets (there must be none)."""
    import socket

    received: list[bytes] = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.1)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    received.append(conn.recv(4096) or b"(connected)")
                except OSError:
                    received.append(b"(connected)")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", received
    stop.set()
    thread.join(2)
    sock.close()
