"""Scoring a parsed split against a hand annotation, by the rules of the shared scorer
(`shared/tools/score_split.py`, documented in `tests/fixtures/corpus/README.md`): an expected
task matches an unmatched predicted task whose folded text starts with or contains its
`text_start` (ties: same assignee, then a prefix, then document order), else the predicted
task sharing at least 60 % of its words; assignee and deadline agreement are counted over the
matched pairs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.notice_parser import ParsedNotice
from tracker.domain.text import fold

WORD_OVERLAP = 0.6
# Abbreviations the annotations write out, applied to folded text before punctuation goes.
_ABBREVIATIONS = [
    (r"\btt\s*&\s*tt\b|\btttt\b", "thong tin truyen thong"),
    (r"\bkh\s*&\s*dt\b|\bkhdt\b", "ke hoach dau tu"),
    (r"\btn\s*&\s*mt\b|\btnmt\b", "tai nguyen moi truong"),
    (r"\bld\s*-?\s*tb\s*&\s*xh\b|\bldtbxh\b", "lao dong thuong binh xa hoi"),
    (r"\bvh\s*-?\s*tt\s*&\s*dl\b|\bvhttdl\b", "van hoa the thao du lich"),
    (r"\bgd\s*&\s*dt\b|\bgddt\b", "giao duc dao tao"),
    (r"\bkh\s*&\s*cn\b|\bkhcn\b", "khoa hoc cong nghe"),
    (r"\bnn\s*(&|va)\s*ptnt\b|\bnnptnt\b", "nong nghiep phat trien nong thon"),
    (r"\bptnt\b", "phat trien nong thon"),
    (r"\bgtvt\b", "giao thong van tai"),
    (r"\bvp\b", "van phong"),
    (r"\buy ban nhan dan\b", "ubnd"),
    (r"\bhoi dong nhan dan\b", "hdnd"),
    (r"\bcchc\b", "cai cach hanh chinh"),
    (r"\bqlda\b", "quan ly du an"),
    (r"\bcsskn?d\b", "cham soc suc khoe nhan dan"),
]
_TITLES = ("giao ", "giam doc ", "thu truong ")


def words(text: str) -> str:
    """Folded text reduced to its words, for matching task texts."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text or "")).split())


def agency_key(name: str) -> str:
    """A body's name reduced so that abbreviations and "Ủy ban nhân dân" = "UBND" agree."""
    text = fold(name or "")
    for pattern, written_out in _ABBREVIATIONS:
        text = re.sub(pattern, written_out, text)
    text = " ".join(w for w in re.sub(r"[^0-9a-z]+", " ", text).split() if w != "va")
    while text.startswith(_TITLES):
        text = text.split(" ", 1)[1] if " " in text else ""
    return text


@dataclass
class DocumentScore:
    name: str
    expected: int
    predicted: int
    matched: int = 0
    assignee_ok: int = 0
    deadline_ok: int = 0
    skipped: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        return f1(self.matched, self.predicted, self.expected)


def f1(matched: int, predicted: int, expected: int) -> float:
    precision = matched / predicted if predicted else 0.0
    recall = matched / expected if expected else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_split(name: str, parsed: ParsedNotice, expected: dict[str, Any]) -> DocumentScore:
    """How `parsed` agrees with the annotation `expected` (the fixture format)."""
    wanted = expected["tasks"]
    got = [
        {
            "text": task.text,
            "assignee": task.assignee,
            "assignee_kind": task.assignee_kind,
            "deadline": task.deadline.isoformat() if task.deadline else None,
        }
        for task in parsed.tasks
    ]
    score = DocumentScore(name, len(wanted), len(got), skipped=len(parsed.skipped))
    pairs = match_tasks(wanted, got)
    score.matched = len(pairs)
    for want_index, got_index in pairs:
        want, have = wanted[want_index], got[got_index]
        label = f"[{want_index + 1}] {want['text_start'][:40]!r}"
        if _same_assignee(want, have):
            score.assignee_ok += 1
        else:
            score.misses.append(f"{label} assignee {want['assignee']!r}, got {have['assignee']!r}")
        if want.get("deadline") == have["deadline"]:
            score.deadline_ok += 1
        else:
            score.misses.append(f"{label} deadline {want.get('deadline')}, got {have['deadline']}")
    matched = {want_index for want_index, _ in pairs}
    score.misses += [
        f"[{index + 1}] missed: {want['assignee']!r} / {want['text_start'][:60]!r}"
        for index, want in enumerate(wanted)
        if index not in matched
    ]
    return score


def match_tasks(wanted: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (expected index, predicted index), by text start, then by word overlap."""
    texts = [words(task["text"]) for task in got]
    assignees = [agency_key(task["assignee"]) for task in got]
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for index, want in enumerate(wanted):
        start, assignee = words(want["text_start"]), agency_key(want["assignee"])
        candidates = [i for i in range(len(got)) if i not in used and start and start in texts[i]]
        if candidates:
            best = min(
                candidates,
                key=lambda i: (assignees[i] != assignee, not texts[i].startswith(start), i),
            )
            pairs[index] = best
            used.add(best)
    for index, want in enumerate(wanted):
        if index in pairs:
            continue
        best_overlap = _best_overlap(want, texts, assignees, used)
        if best_overlap is not None:
            pairs[index] = best_overlap
            used.add(best_overlap)
    return sorted(pairs.items())


def _best_overlap(
    want: dict[str, Any], texts: list[str], assignees: list[str], used: set[int]
) -> int | None:
    start_words = set(words(want["text_start"]).split())
    if not start_words:
        return None
    assignee = agency_key(want["assignee"])
    best, best_score = None, 0.0
    for index, text in enumerate(texts):
        if index in used:
            continue
        share = len(start_words & set(text.split())) / len(start_words)
        share += 0.001 * (assignees[index] == assignee)
        if share > best_score:
            best, best_score = index, share
    return best if best_score >= WORD_OVERLAP else None


def _same_assignee(want: dict[str, Any], have: dict[str, Any]) -> bool:
    """Exact for one body; for a group, most of the annotated words (group names are long and
    worded freely) in a predicted group."""
    wanted, got = agency_key(want["assignee"]), agency_key(have["assignee"])
    if want.get("assignee_kind") != "group":
        return wanted == got
    if have["assignee_kind"] != "group":
        return False
    wanted_words = set(wanted.split())
    return bool(wanted_words) and len(wanted_words & set(got.split())) / len(wanted_words) >= 0.6


def overall(scores: Iterable[DocumentScore]) -> dict[str, float]:
    """Micro-averaged figures over documents."""
    scores = list(scores)
    matched = sum(s.matched for s in scores)
    predicted = sum(s.predicted for s in scores)
    expected = sum(s.expected for s in scores)
    return {
        "documents": len(scores),
        "expected": expected,
        "predicted": predicted,
        "matched": matched,
        "precision": matched / predicted if predicted else 0.0,
        "recall": matched / expected if expected else 0.0,
        "f1": f1(matched, predicted, expected),
        "assignee": sum(s.assignee_ok for s in scores) / matched if matched else 0.0,
        "deadline": sum(s.deadline_ok for s in scores) / matched if matched else 0.0,
        "skipped": sum(s.skipped for s in scores),
    }
