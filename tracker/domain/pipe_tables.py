"""Tables as web copies of official documents lay them out: every cell opened by a line that
holds only "|", a row closed by one more "|" line, so that a row break reads "|" "|".

    |            |
    **TT**       1
    |            |
    **Nhiệm vụ** Rà soát ...
    |            |
    |            Sở Tài chính

Tables of three columns or more (task tables in an appendix) are rewritten as Markdown rows
("| 1 | Rà soát ... | Sở Tài chính |"), one line per row, which the block reader knows; the
two-column layouts of the letterhead and the signature are left as they are.
"""

from __future__ import annotations

import re

from tracker.domain.text import fold

_ROW_START = re.compile(r"^\**\s*([0-9]{1,3}(\.[0-9]{1,3})*|[IVXLC]{1,6})\.?\s*\**$")
MIN_COLUMNS = 3
_NUMBER_HEADER = re.compile(r"^\**\s*(s?tt|so tt|số tt)\.?\s*\**$", re.IGNORECASE)
_LEAD_HEADER = re.compile(r"chu tri|noi dung|nhiem vu")


def rewrite_pipe_tables(text: str) -> str:
    """`text` with each pipe-line table of three columns or more as Markdown rows."""
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        if lines[index].strip() != "|":
            out.append(lines[index])
            index += 1
            continue
        end = _table_end(lines, index)
        out += _as_markdown(lines[index:end]) or lines[index:end]
        index = end
    return "\n".join(out)


def _table_end(lines: list[str], start: int) -> int:
    """The line after the table that starts at `start`: its last "|" line is followed by a
    blank line or the end of the text."""
    index = start
    while index < len(lines):
        closing = lines[index].strip() == "|"
        if closing and index > start and (index + 1 == len(lines) or not lines[index + 1].strip()):
            return index + 1
        index += 1
    return index


def _as_markdown(table: list[str]) -> list[str]:
    tokens, openings = _cells(table)
    start = _numbered_header(tokens)
    if start:  # a signature or the body ran into the table: keep those lines as they are
        opening = openings[start]
        return [*table[:opening], "", *_as_markdown(table[opening:])]
    return _rows(tokens)


def _numbered_header(tokens: list[str]) -> int:
    """Where a task table's header ("TT | Nội dung | Cơ quan chủ trì ...") starts among the
    cells, when cells of something else come first; 0 otherwise."""
    for index, token in enumerate(tokens[1:], start=1):
        if _NUMBER_HEADER.match(token) and any(
            _LEAD_HEADER.search(fold(cell)) for cell in tokens[index + 1 : index + 6]
        ):
            return index
    return 0


def _rows(tokens: list[str]) -> list[str]:
    if not tokens:
        return []
    header_width = tokens.index("") if "" in tokens else len(tokens)
    if header_width < MIN_COLUMNS:
        return []
    rows: list[list[str]] = []
    current: list[str] = []
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if token == "" and (len(current) >= header_width or _ROW_START.match(following)):
            rows.append(current)
            current = []
        else:
            current.append(token)
    rows.append(current)
    return ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows if any(row)]


def _cells(table: list[str]) -> tuple[list[str], list[int]]:
    """The cells between "|" lines, each joined on one line ("" for an empty one), and for
    each the index of the "|" line that opens it. The opening and closing "|" give no cell."""
    tokens: list[str] = []
    openings: list[int] = []
    current: list[str] = []
    opened = 0
    for index, line in enumerate(table[1:], start=1):
        if line.strip() == "|":
            tokens.append(" ".join(part for part in current if part))
            openings.append(opened)
            current, opened = [], index
        else:
            current.append(line.strip())
    return tokens, openings
