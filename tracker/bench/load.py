"""What a load test measured: wrk's report read into figures, the memory of gunicorn's
workers read from /proc, and the Markdown table BENCHMARKS.md shows. Pure reading and
formatting, so that it can be tested without a server."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MODES = ("cache", "nocache", "writes")
DATABASE_LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int


@dataclass(frozen=True)
class Measure:
    """One page in one mode: under load (several connections) and alone (one)."""

    database: str
    mode: str
    page: str  # the label, with its path
    loaded: WrkResult
    alone: WrkResult


@dataclass(frozen=True)
class ServerMemory:
    """The resident memory of each gunicorn worker when a server's measurements ended."""

    database: str
    modes: tuple[str, ...]  # what the server was measured in
    rss_kib: tuple[int, ...]  # one per worker


class LoadError(RuntimeError):
    """The page did not answer as it should under load: the run proves nothing."""


def parse_wrk(output: str) -> WrkResult:
    """The figures of wrk's `--latency` report; any error or non-2xx/3xx answer is refused."""
    if "Non-2xx or 3xx responses" in output or "Socket errors" in output:
        raise LoadError(f"answers with errors under load:\n{output}")
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    count = re.search(r"^\s*(\d+) requests in", output, re.M)
    if rate is None or count is None:
        raise LoadError(f"not a wrk report:\n{output}")
    if int(count[1]) == 0:
        raise LoadError(f"no request was answered:\n{output}")
    return WrkResult(
        requests_per_second=float(rate[1]),
        p50_ms=_latency(output, "50%"),
        p99_ms=_latency(output, "99%"),
        requests=int(count[1]),
    )


def _latency(output: str, percentile: str) -> float:
    """A percentile of wrk's latency distribution, in milliseconds."""
    match = re.search(rf"^\s+{re.escape(percentile)}\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    if match is None:
        raise LoadError(f"no {percentile} latency in wrk's output:\n{output}")
    value, unit = float(match[1]), match[2]
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def parent_pid(stat: str) -> int:
    """The parent's pid from /proc/<pid>/stat; the command name may hold spaces and
    parentheses, so the fields are counted from its closing parenthesis."""
    return int(stat.rsplit(")", 1)[1].split()[1])


def resident_kib(status: str, field: str = "VmRSS") -> int:
    """VmRSS (or VmHWM, its peak) from /proc/<pid>/status, in KiB; 0 for a process with no
    memory of its own."""
    match = re.search(rf"^{field}:\s+(\d+) kB$", status, re.M)
    return int(match[1]) if match else 0


def worker_memory(
    master_pid: int, proc: Path = Path("/proc"), field: str = "VmRSS"
) -> dict[int, int]:
    """The resident memory in KiB (or its peak, with `field="VmHWM"`) of each child of
    `master_pid` (gunicorn's workers)."""
    memory = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if parent_pid((entry / "stat").read_text()) != master_pid:
                continue
            memory[int(entry.name)] = resident_kib((entry / "status").read_text(), field)
        except (OSError, IndexError, ValueError):  # the process ended while being read
            continue
    return memory


def table(measures: Sequence[Measure], memory: Sequence[ServerMemory]) -> list[str]:
    """The Markdown lines of the results: one row per database, page and mode, then the
    workers' memory of each server."""
    lines = [
        "| database | page | mode | requests/s, 8 conn. | p50 | p99 | p50 alone | p99 alone "
        "| requests |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {DATABASE_LABELS[m.database]} | {m.page} | `{m.mode}` "
        f"| {m.loaded.requests_per_second:.0f} | {m.loaded.p50_ms:.1f} ms "
        f"| {m.loaded.p99_ms:.1f} ms | {m.alone.p50_ms:.1f} ms | {m.alone.p99_ms:.1f} ms "
        f"| {m.loaded.requests:,} |"
        for m in measures
    ]
    lines += [
        "",
        "| database | server (its modes) | RSS per worker after the run | max |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {DATABASE_LABELS[server.database]} "
        f"| {', '.join(f'`{mode}`' for mode in server.modes)} "
        f"| {' / '.join(_mib(kib) for kib in server.rss_kib)} "
        f"| {_mib(max(server.rss_kib, default=0))} |"
        for server in memory
    ]
    return lines


def _mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"
