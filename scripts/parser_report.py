"""How the parser's split of every annotated notice agrees with its hand annotation.

Scores the Đắk Nông notice, the notices written here (tests/fixtures/notices) and the real
documents (tests/fixtures/corpus) by the matching of shared/tools/score_split.py, and prints
per document and overall: tasks expected, predicted and matched, precision, recall, F1,
assignee and deadline agreement, and how many items were kept as skipped.

Usage: PYTHONPATH=. .venv/bin/python scripts/parser_report.py [NAME-SUBSTRING ...] [-v]
       [--write-floors]

--write-floors records each real document's F1 in tests/fixtures/corpus/f1_floors.json, the
floor below which tests/notices/test_parser_accuracy.py fails; run it after an improvement.
"""

from __future__ import annotations

import json
import math
import sys

from tests.support.fixture_notices import CORPUS, annotated_notices, corpus_notices
from tests.support.split_scoring import DocumentScore, overall, score_split


def main() -> None:
    verbose = "-v" in sys.argv
    wanted = [a for a in sys.argv[1:] if not a.startswith("-")]
    groups = {"written here": annotated_notices(), "real documents": corpus_notices()}
    for title, notices in groups.items():
        scores: list[DocumentScore] = []
        for notice in notices:
            if wanted and not any(w in notice.name for w in wanted):
                continue
            score = score_split(notice.name, notice.parse(), notice.expected)
            scores.append(score)
            print(_line(score))
            if verbose:
                print("".join(f"    {miss}\n" for miss in score.misses), end="")
        if scores:
            figures = overall(scores)
            print(
                f"overall ({title}, {figures['documents']} documents): "
                f"tasks {figures['expected']} expected, {figures['predicted']} predicted, "
                f"{figures['matched']} matched; P={figures['precision']:.2f} "
                f"R={figures['recall']:.2f} F1={figures['f1']:.2f} "
                f"assignee={figures['assignee']:.2f} deadline={figures['deadline']:.2f} "
                f"skipped={figures['skipped']}\n"
            )
        if title == "real documents" and "--write-floors" in sys.argv and not wanted:
            floors = {score.name: math.floor(score.f1 * 100) / 100 for score in scores}
            text = json.dumps(floors, indent=2, sort_keys=True) + "\n"
            (CORPUS / "f1_floors.json").write_text(text, "utf-8")


def _line(score: DocumentScore) -> str:
    assignee = score.assignee_ok / score.matched if score.matched else 0.0
    deadline = score.deadline_ok / score.matched if score.matched else 0.0
    return (
        f"{score.name:34s} exp={score.expected:3d} pred={score.predicted:3d} "
        f"match={score.matched:3d} P={score.precision:.2f} R={score.recall:.2f} "
        f"F1={score.f1:.2f} assignee={assignee:.2f} deadline={deadline:.2f} "
        f"skipped={score.skipped}"
    )


if __name__ == "__main__":
    main()
