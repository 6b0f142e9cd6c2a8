"""Markdown to safe HTML: the one place that renders user or document Markdown."""

from __future__ import annotations

import html
import re
import threading

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(source: str) -> str:
    """Render Markdown and sanitize the result: no script, style, handler or javascript: link
    survives, and links get rel="noopener noreferrer"."""
    html = markdown_lib.markdown(source, extensions=["tables", "sane_lists"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def plain_text(source: str) -> str:
    """The words of a Markdown text without its marks ("**5/12** cơ quan" gives "5/12 cơ
    quan"), for a table cell or a printed list; paragraphs become spaces. A text with no
    mark at all is only tidied: a report lists thousands of them."""
    if not _MARKS.search(source):
        return " ".join(source.split())
    converter = _converter()
    text = nh3.clean(converter.reset().convert(source), tags=set())
    return " ".join(html.unescape(text).split())


# Anything Markdown or HTML could make something of: emphasis, code, links, headings,
# quotes, tables, tags, entities, and list items.
_MARKS = re.compile(r"[*_`\[\]#>|<&~\\]|^\s*(?:[-+]|\d+[.)])\s", re.MULTILINE)
_local = threading.local()


def _converter() -> markdown_lib.Markdown:
    """One Markdown converter per thread, built once: building it costs more than a short
    conversion."""
    if not hasattr(_local, "converter"):
        _local.converter = markdown_lib.Markdown(extensions=["tables", "sane_lists"])
    converter: markdown_lib.Markdown = _local.converter
    return converter
