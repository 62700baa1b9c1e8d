"""Score extracted relations against a gold file, by the rules of relations.md.

Per passage, gold and predicted relations are sets of (subject, relation,
object); symmetric labels compare as unordered pairs; only state-to-state
relations count and a state's relation with itself never does. Micro
precision, recall and F1 are summed over passages, typed (subject, label and
object match) and dyad (the unordered pair matches), for all relations and for
factual ones; flag accuracy is the share of matched typed relations whose
``negated`` and ``hypothetical`` flags both equal gold.

>>> gold = {"p": [Relation("RUS", "AGREE", "IRN")]}
>>> pred = {"p": [Relation("IRN", "AGREE", "RUS"), Relation("RUS", "SUPPLY", "IRN")]}
>>> s = score(gold, pred, symmetric=frozenset({"AGREE"}))
>>> s.typed.precision, s.typed.recall, s.dyad.f1
(0.5, 1.0, 1.0)
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, NamedTuple

from kg.errors import KgError
from kg.records import plainest


class Relation(NamedTuple):
    """A gold or predicted relation: subject, label, object and its two flags."""
    subject: str
    relation: str
    object: str
    negated: bool = False
    hypothetical: bool = False

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)


Key = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class GoldPassage:
    """One passage of a gold file with its relations."""
    id: str
    text: str
    relations: tuple[Relation, ...]
    date: str | None = None


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set, predicted: set) -> None:
        """Count one passage: the gold and the predicted sets of keys."""
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def __add__(self, other: Counts) -> Counts:
        """Counts of two sets of passages together (micro-averaging pools the counts).

        >>> (Counts(1, 2, 3) + Counts(4, 0, 1)).tp
        5
        """
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Miss:
    """A false positive or false negative, for ``kg eval --errors``."""

    passage: str
    kind: str  # "FP" | "FN" | "FLAG"
    relation: Relation
    text: str


@dataclass(slots=True)
class Scores:
    """Counts of one or more gold files: typed and dyad, all and factual, per label, flags, errors."""
    typed: Counts = field(default_factory=Counts)
    typed_factual: Counts = field(default_factory=Counts)
    dyad: Counts = field(default_factory=Counts)
    dyad_factual: Counts = field(default_factory=Counts)
    by_label: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    flags_matched: int = 0
    flags_right: int = 0
    passages: int = 0
    errors: list[Miss] = field(default_factory=list)

    @property
    def flag_accuracy(self) -> float:
        return self.flags_right / self.flags_matched if self.flags_matched else 0.0


def pooled(runs: Iterable[Scores]) -> Scores:
    """The scores of several gold files taken together: counts added, errors kept in order.

    >>> a, b = Scores(typed=Counts(1, 0, 1), passages=2), Scores(typed=Counts(1, 1, 0), passages=3)
    >>> total = pooled([a, b])
    >>> total.passages, round(total.typed.f1, 3)
    (5, 0.667)
    """
    total = Scores()
    for run in runs:
        total.typed += run.typed
        total.typed_factual += run.typed_factual
        total.dyad += run.dyad
        total.dyad_factual += run.dyad_factual
        for label, counts in run.by_label.items():
            total.by_label[label] += counts
        total.flags_matched += run.flags_matched
        total.flags_right += run.flags_right
        total.passages += run.passages
        total.errors.extend(run.errors)
    return total


def relation_key(rel: Relation, symmetric: frozenset[str]) -> Key:
    """The comparison key: symmetric labels order their pair.

    >>> relation_key(Relation("RUS", "AGREE", "IRN"), frozenset({"AGREE"}))
    ('IRN', 'AGREE', 'RUS')
    """
    if rel.relation in symmetric and rel.object < rel.subject:
        return (rel.object, rel.relation, rel.subject)
    return (rel.subject, rel.relation, rel.object)


def _by_key(relations: Iterable[Relation], symmetric: frozenset[str],
            is_state: Callable[[str], bool]) -> dict[Key, Relation]:
    """Scored relations of one passage keyed for comparison; of duplicates the reading with
    the fewest flags is kept (a factual one wins over negated or hypothetical ones)."""
    merged: dict[Key, Relation] = {}
    for rel in relations:
        if rel.subject == rel.object or not (is_state(rel.subject) and is_state(rel.object)):
            continue
        key = relation_key(rel, symmetric)
        seen = merged.get(key)
        merged[key] = rel if seen is None else plainest(seen, rel)
    return merged


def _dyads(keys: Iterable[Key]) -> set[tuple[str, str]]:
    return {tuple(sorted((s, o))) for s, _, o in keys}  # type: ignore[misc]


def score(gold: Mapping[str, Iterable[Relation]], predicted: Mapping[str, Iterable[Relation]], *,
          symmetric: frozenset[str], is_state: Callable[[str], bool] = lambda _: True,
          texts: Mapping[str, str] | None = None) -> Scores:
    """Micro-averaged scores over the passages of ``gold``."""
    scores = Scores()
    for pid, gold_rels in gold.items():
        scores.passages += 1
        g = _by_key(gold_rels, symmetric, is_state)
        p = _by_key(predicted.get(pid, ()), symmetric, is_state)
        g_fact = {k for k, r in g.items() if r.factual}
        p_fact = {k for k, r in p.items() if r.factual}
        scores.typed.add(set(g), set(p))
        scores.typed_factual.add(g_fact, p_fact)
        scores.dyad.add(_dyads(g), _dyads(p))
        scores.dyad_factual.add(_dyads(g_fact), _dyads(p_fact))
        for label in {k[1] for k in g} | {k[1] for k in p}:
            scores.by_label[label].add({k for k in g if k[1] == label}, {k for k in p if k[1] == label})
        text = (texts or {}).get(pid, "")
        for key in sorted(set(g) & set(p)):
            scores.flags_matched += 1
            same = (g[key].negated, g[key].hypothetical) == (p[key].negated, p[key].hypothetical)
            scores.flags_right += same
            if not same:
                scores.errors.append(Miss(pid, "FLAG", p[key], text))
        scores.errors.extend(Miss(pid, "FP", p[k], text) for k in sorted(set(p) - set(g)))
        scores.errors.extend(Miss(pid, "FN", g[k], text) for k in sorted(set(g) - set(p)))
    return scores


def _relation_from(obj: object, where: str) -> Relation:
    if not isinstance(obj, dict) or not all(isinstance(obj.get(k), str) for k in ("subject", "relation", "object")):
        raise KgError(f"{where}: each relation needs string subject, relation and object")
    return Relation(obj["subject"], obj["relation"], obj["object"],
                    bool(obj.get("negated", False)), bool(obj.get("hypothetical", False)))


def load_gold(path: str | Path) -> list[GoldPassage]:
    """Read a gold JSONL file (format of relations.md); errors name file and line."""
    path = Path(path)
    if not path.is_file():
        raise KgError(f"no such gold file: {path}")
    passages: list[GoldPassage] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise KgError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KgError(f"{where}: malformed JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not isinstance(obj.get("text"), str):
            raise KgError(f"{where}: a gold line needs string 'id' and 'text'")
        rels = obj.get("relations", [])
        if not isinstance(rels, list):
            raise KgError(f"{where}: 'relations' must be a list")
        passages.append(GoldPassage(obj["id"], obj["text"], tuple(_relation_from(r, where) for r in rels),
                                    obj.get("date") if isinstance(obj.get("date"), str) else None))
    if not passages:
        raise KgError(f"{path}: no gold passages")
    return passages


def format_scores(scores: Scores, *, by_label: bool = False, errors: bool = False) -> str:
    """The report ``kg eval`` prints."""
    rows = [("typed, all", scores.typed), ("typed, factual", scores.typed_factual),
            ("dyad, all", scores.dyad), ("dyad, factual", scores.dyad_factual)]
    out = [f"passages: {scores.passages}", "",
           f"{'':16} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    out += [f"{name:16} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4} {c.fp:4} {c.fn:4}" for name, c in rows]
    out.append(f"\nflag accuracy: {scores.flag_accuracy:.3f} ({scores.flags_right}/{scores.flags_matched} matched typed relations)")
    if by_label:
        out += ["", f"{'label':16} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
        out += [f"{label:16} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4} {c.fp:4} {c.fn:4}"
                for label, c in sorted(scores.by_label.items())]
    if errors:
        out.append("")
        for miss in scores.errors:
            r = miss.relation
            flags = "".join(f" {f}" for f, on in (("negated", r.negated), ("hypothetical", r.hypothetical)) if on)
            out.append(f"{miss.kind:4} {miss.passage}: {r.subject} {r.relation} {r.object}{flags}")
            out.append(f"       {miss.text}")
    return "\n".join(out)


def evaluate_file(path: str | Path, *, model: str | None = None) -> Scores:
    """Run the extractor over a gold file's passages and score it."""
    from kg.extract.assertions import extract
    from kg.knowledge.gazetteer import load_gazetteer
    from kg.knowledge.terms import symmetric_labels
    from kg.nlp.pipeline import load_pipeline
    from kg.records import Document

    passages = load_gold(path)
    predicted: dict[str, list[Relation]] = defaultdict(list)
    documents = (Document(p.id, p.text, date=p.date) for p in passages)
    for a in extract(documents, load_pipeline(model)):
        predicted[a.doc].append(Relation(a.subject, a.relation, a.object, a.negated, a.hypothetical))
    actors = load_gazetteer().actors

    def is_state(code: str) -> bool:
        actor = actors.get(code)
        return actor is not None and actor.is_state

    return score({p.id: p.relations for p in passages}, predicted, symmetric=symmetric_labels(),
                 is_state=is_state, texts={p.id: p.text for p in passages})
