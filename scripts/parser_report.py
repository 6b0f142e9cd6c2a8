"""Print how the parser's split of each annotated notice compares with the annotation.

Usage: .venv/bin/python scripts/parser_report.py [NAME-SUBSTRING] [-v]
"""

from __future__ import annotations

import sys

from tests.support.fixture_notices import annotated_notices


def main() -> None:
    verbose = "-v" in sys.argv
    wanted = [a for a in sys.argv[1:] if a != "-v"]
    for notice in annotated_notices():
        if wanted and not any(w in notice.name for w in wanted):
            continue
        parsed = notice.parse()
        expected = notice.expected["tasks"]
        good = 0
        lines = []
        for index in range(max(len(expected), len(parsed.tasks))):
            want = expected[index] if index < len(expected) else None
            got = parsed.tasks[index] if index < len(parsed.tasks) else None
            ok = bool(want and got and _agrees(want, got))
            good += ok
            if verbose and not ok:
                lines.append(f"   #{index} want {_want(want)}\n       got  {_got(got)}")
        print(f"{notice.name}: {good}/{len(expected)} agree, {len(parsed.tasks)} parsed")
        print("\n".join(lines))


def _agrees(want: dict, got: object) -> bool:
    return (
        want["assignee"] == got.assignee
        and want["deadline"] == (got.deadline.isoformat() if got.deadline else None)
        and got.text.startswith(want["text_start"])
    )


def _want(want: dict | None) -> str:
    if want is None:
        return "-"
    return f"{want['assignee'][:40]} | {want['deadline']} | {want['text_start'][:40]}"


def _got(got: object) -> str:
    if got is None:
        return "-"
    return f"{got.assignee[:40]} | {got.deadline} | {got.text[:40]}"


if __name__ == "__main__":
    main()
