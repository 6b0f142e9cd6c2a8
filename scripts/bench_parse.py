"""Benchmark: parsing a 30-page notice must take under 200 ms.

Builds a long conclusion notice from the Đắk Nông one (its header, then its assignment
section repeated with the departments of the demo directory in turn, plus prose paragraphs
with assignments inside them) until it is about 30 pages (15,000 words), and times
`parse_notice` against the demo directory over the national catalogue, as the app reads
notices, and the slowest of the real documents in tests/fixtures/corpus.

Usage: .venv/bin/python scripts/bench_parse.py [--pages 30] [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from tracker.demo.loader import DATA
from tracker.domain.agency_catalogue import national_catalogue
from tracker.domain.agency_names import NameDirectory, directory_from_description
from tracker.domain.notice_parser import parse_notice

WORDS_PER_PAGE = 500
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"


def long_notice(pages: int) -> str:
    original = (DATA / "notice_473_daknong.md").read_text("utf-8")
    head, rest = original.split("## **II.", 1)
    section, closing = rest.split("**III.", 1)
    agencies = [
        a["name"]
        for a in json.loads((DATA / "directory.json").read_text("utf-8"))["agencies"]
        if a["kind"] == "department"
    ]
    parts = [head, "## **II." + section]
    number = 12
    while len(" ".join(parts).split()) < pages * WORDS_PER_PAGE:
        agency = agencies[number % len(agencies)]
        partner = agencies[(number + 3) % len(agencies)]
        parts.append(
            f"### **{number}. Giao {agency}**\n\n"
            f"- Chủ trì, phối hợp với {partner} và các đơn vị liên quan rà soát, đánh giá kết "
            f"quả thực hiện nhiệm vụ năm 2017, đề xuất giải pháp khắc phục tồn tại, báo cáo "
            f"UBND tỉnh trước ngày {number % 28 + 1}/{number % 12 + 1}/2018.\n\n"
            f"- Tham mưu UBND tỉnh ban hành kế hoạch cải thiện chỉ số năng lực cạnh tranh, "
            f"hoàn thành trong Quý {['I', 'II', 'III', 'IV'][number % 4]}/2018; định kỳ hằng "
            "quý báo cáo kết quả về Sở Nội vụ.\n\n"
            f"Đến nay nhiều nhiệm vụ còn chậm. Giao {partner} hướng dẫn, đôn đốc các cơ quan "
            f"thực hiện trong tháng {number % 12 + 1}/2018. Đề nghị Công an tỉnh phối hợp "
            "bảo đảm an ninh, trật tự trong quá trình triển khai.\n\n"
        )
        number += 1
    parts.append("**III." + closing)
    return "".join(parts)


def main() -> None:
    options = argparse.ArgumentParser()
    options.add_argument("--pages", type=int, default=30)
    options.add_argument("--runs", type=int, default=20)
    args = options.parse_args()
    text = long_notice(args.pages)
    province = directory_from_description(json.loads((DATA / "directory.json").read_text("utf-8")))
    directory = province.with_catalogue(national_catalogue())  # as the app reads notices
    timings = _timings(text, directory, args.runs)
    parsed = parse_notice(text, directory, today=date(2017, 7, 19))
    words = len(text.split())
    print(f"notice: {words} words (~{words // WORDS_PER_PAGE} pages), {len(text)} characters")
    print(f"tasks found: {len(parsed.tasks)}")
    print(
        f"parse time over {args.runs} runs: median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms (target: under 200 ms)"
    )
    slowest = max(
        (statistics.median(_timings(path.read_text("utf-8"), directory, 5)), path)
        for path in sorted(CORPUS.glob("*.md"))
        if path.name != "README.md"
    )
    corpus_words = len(slowest[1].read_text("utf-8").split())
    print(f"slowest real document: {slowest[1].name}, {corpus_words} words, {slowest[0]:.1f} ms")


def _timings(text: str, directory: NameDirectory, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        parse_notice(text, directory, today=date(2017, 7, 19))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


if __name__ == "__main__":
    main()
