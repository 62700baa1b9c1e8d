"""Where the page draws each actor: computed once here, so the page opens with physics off.

A force-directed layout of the pairs of actors (networkx ``spring_layout``,
fixed seed) is spread to a size that grows with the number of actors, then
nudged until no label overlaps a node, another node's label or a pair's label
(label boxes are estimated from the text; the browser test measures the real
ones).

>>> pos = positions(["IRN", "RUS"], {"IRN": 12, "RUS": 12}, {"IRN": "Iran", "RUS": "Russia"},
...                 [Pair("IRN", "RUS", "SUPPLY", 3, 1)])
>>> sorted(pos), pos["IRN"] != pos["RUS"]
(['IRN', 'RUS'], True)
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
import numpy as np

NODE_FONT = 16  # px, as in the page's vis options
EDGE_FONT = 12
LABEL_GAP = 10  # vis puts a node's label about 12 px below its shape (measured in Chromium)
PAD = 8  # space kept between any two boxes
MAX_EDGE_LABELS = 150  # above this, pair labels only show zoomed in and are left out of the nudging
ITERATIONS = 400
FAN_SPACING = 30  # px of edge length per typed relation, so that an expanded pair has room for its labels
# (and a pair is at least as long as its label and a margin, so that the label fits between its actors)


class Pair(NamedTuple):
    """A pair of actors as drawn by default: its ends, label, evidence count and number of typed relations."""

    a: str
    b: str
    label: str
    count: int
    members: int


@dataclass(frozen=True)
class Box:
    """A rectangle that moves with its owners: a weighted mean of their positions plus an offset."""

    owners: tuple[tuple[int, float], ...]
    dx: float
    dy: float
    half_w: float
    half_h: float


def text_width(text: str, size: float) -> float:
    """A generous estimate of the width of ``text`` in a sans-serif font of ``size`` px.

    >>> text_width("SUPPLY", 12) > text_width("supply", 12) > 0
    True
    """
    def em(c: str) -> float:
        if c in "MWmw@%":
            return 0.92
        if c.isupper() or c.isdigit():
            return 0.7
        if c.islower():
            return 0.58
        if c.isspace():
            return 0.3
        return 0.45 if ord(c) < 0x2000 else 1.0
    return size * sum(em(c) for c in text)


def positions(nodes: list[str], sizes: dict[str, float], labels: dict[str, str],
              pairs: list[Pair]) -> dict[str, tuple[float, float]]:
    """Canvas coordinates per actor for ``pairs`` drawn as straight edges."""
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    start = _spring(nodes, pairs)
    boxes = _boxes(nodes, index, sizes, labels, pairs)
    stretch = [(index[p.a], index[p.b], max(FAN_SPACING * p.members, text_width(p.label, EDGE_FONT) + 80))
               for p in pairs if p.a != p.b and len(pairs) <= MAX_EDGE_LABELS]
    final = _nudge(start, boxes, stretch)
    return {node: (round(float(final[i, 0]), 1), round(float(final[i, 1]), 1)) for node, i in index.items()}


def _spring(nodes: list[str], pairs: list[Pair]) -> np.ndarray:
    """A force-directed start, scaled so that actors sit about 200 px apart."""
    H = nx.Graph()
    H.add_nodes_from(nodes)
    for p in pairs:
        if p.a != p.b:
            H.add_edge(p.a, p.b, weight=1 + math.log2(1 + p.count))
    if len(nodes) == 1:
        return np.zeros((1, 2))
    pos = nx.spring_layout(H, seed=7, weight="weight", iterations=150, scale=max(260.0, 110 * math.sqrt(len(nodes))))
    return _landscape(np.array([pos[n] for n in nodes], dtype=float))


def _landscape(P: np.ndarray) -> np.ndarray:
    """``P`` turned so that its longest extent is horizontal, as screens are wide.

    >>> _landscape(np.array([[0.0, -2.0], [0.0, 2.0]])).round(6).tolist()
    [[-2.0, 0.0], [2.0, 0.0]]
    """
    centred = P - P.mean(axis=0)
    _, vectors = np.linalg.eigh(centred.T @ centred)
    main = vectors[:, -1] * (1 if vectors[0, -1] >= 0 else -1)  # the direction of largest spread, pointing right
    rotation = np.array([[main[0], main[1]], [-main[1], main[0]]])
    return centred @ rotation.T


def _boxes(nodes: list[str], index: dict[str, int], sizes: dict[str, float], labels: dict[str, str],
           pairs: list[Pair]) -> list[Box]:
    boxes = []
    for node in nodes:  # the actor and its name below it, as one box
        i, r = index[node], float(sizes.get(node, 10))
        top, bottom = -r - 1, r + LABEL_GAP + NODE_FONT + 6
        half_w = max(r + 1, text_width(labels.get(node, node), NODE_FONT) / 2 + 2)
        boxes.append(Box(((i, 1.0),), 0, (top + bottom) / 2, half_w, (bottom - top) / 2))
    if len(pairs) <= MAX_EDGE_LABELS:
        for p in pairs:
            if p.a != p.b and p.label:
                boxes.append(Box(((index[p.a], 0.5), (index[p.b], 0.5)), 0, 0,
                                 text_width(p.label, EDGE_FONT) / 2 + 2, (EDGE_FONT * 1.25 + 4) / 2))
    return boxes


def _nudge(start: np.ndarray, boxes: list[Box], stretch: list[tuple[int, int, float]]) -> np.ndarray:
    """Move actors until no two boxes overlap and ``stretch`` pairs (i, j, length) are that long
    (or ``ITERATIONS`` rounds): each overlap is undone along its shorter side by the smallest move
    of the boxes' owners; every 40 rounds that leave overlaps, the whole layout is spread by 8 %."""
    P = start.copy()
    ends = np.array([(i, j) for i, j, _ in stretch], dtype=int).reshape(-1, 2)
    lengths = np.array([length for *_, length in stretch], dtype=float)
    owner = np.array([[o[0] for o in b.owners] + [b.owners[0][0]] * (2 - len(b.owners)) for b in boxes])
    weight = np.array([[o[1] for o in b.owners] + [0.0] * (2 - len(b.owners)) for b in boxes])
    offset = np.array([[b.dx, b.dy] for b in boxes])
    half = np.array([[b.half_w, b.half_h] for b in boxes])
    same = (owner[:, None, :] == owner[None, :, :]).all(axis=2) & (weight[:, None, :] == weight[None, :, :]).all(axis=2)
    movable = np.triu(~same, 1)
    for round_ in range(ITERATIONS):
        if round_ and round_ % 40 == 0:  # pushes that cancel out: spread everything a little
            centre = P.mean(axis=0)
            P = centre + (P - centre) * 1.08
        short = _stretch(P, ends, lengths)
        C = (P[owner] * weight[..., None]).sum(axis=1) + offset
        diff = C[None, :, :] - C[:, None, :]  # diff[i, j] = C[j] - C[i]
        overlap = half[:, None, :] + half[None, :, :] + PAD - np.abs(diff)
        hits = movable & (overlap[..., 0] > 0) & (overlap[..., 1] > 0)
        if not hits.any():
            if not short:
                break
            continue
        i, j = np.nonzero(hits)
        axis = (overlap[i, j, 1] < overlap[i, j, 0]).astype(int)
        sign = np.sign(diff[i, j, axis])
        sign[sign == 0] = np.where((i + j) % 2 == 0, 1.0, -1.0)[sign == 0]
        push = np.zeros((len(i), 2))
        push[np.arange(len(i)), axis] = sign * (overlap[i, j, axis] + 0.5)
        _apply(P, np.concatenate([owner[j], owner[i]], axis=1), np.concatenate([weight[j], -weight[i]], axis=1), push)
    return P


def _apply(P: np.ndarray, nodes: np.ndarray, weights: np.ndarray, push: np.ndarray) -> None:
    """Move each pair's owners (``nodes``, signed ``weights``, four per pair) by the least-norm
    change that shifts the second box by ``push`` relative to the first, damped by half."""
    coincide = nodes[:, :, None] == nodes[:, None, :]  # a node may own both boxes: merge its weights
    norm = (weights[:, :, None] * weights[:, None, :] * coincide).sum(axis=(1, 2))
    keep = norm > 1e-9
    share = np.where(keep[:, None], weights / np.where(keep, norm, 1)[:, None], 0)
    np.add.at(P, nodes.ravel(), 0.5 * (share[:, :, None] * push[:, None, :]).reshape(-1, 2))


def _stretch(P: np.ndarray, ends: np.ndarray, lengths: np.ndarray) -> bool:
    """Push apart the pairs shorter than their length (half the gap per round); whether any was."""
    if not len(ends):
        return False
    d = P[ends[:, 1]] - P[ends[:, 0]]
    dist = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-6)
    gap = lengths - dist
    short = gap > 0.5
    if not short.any():
        return False
    move = (d / dist[:, None]) * (np.where(short, gap, 0) / 4)[:, None]
    np.add.at(P, ends[:, 1], move)
    np.add.at(P, ends[:, 0], -move)
    return True
