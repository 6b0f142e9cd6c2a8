"""No address answers 500, whatever numbers it is given: every GET rule of the app, requested
with odd values in each path argument and in each query parameter the pages read."""

import re
from collections.abc import Callable, Iterator
from urllib.parse import quote, urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from tracker.params import IdConverter, page_number, query_id, whole_number

Login = Callable[[str], FlaskClient]

ODD_VALUES = ("99999999999999999999", "2147483648", "²", "-1", "0", "1e3", " 1", "")
# Every query parameter a page or the API reads.
QUERY_PARAMETERS = (
    "page",
    "per_page",
    "thong_bao",
    "van_ban",
    "co_quan",
    "nhom",
    "han_tu",
    "han_den",
    "ky",
    "loai",
    "canh_bao",
    "trang_thai",
    "vai_tro",
    "cua_toi",
    "q",
    "from",
    "kind",
    "active",
    "theo",
    "xep_theo",
    "next",
    "year",
    "status",
    "notice_id",
    "agency_id",
    "due_from",
    "due_to",
)
PLAIN_VALUE = "1"  # an argument not under test: an id most tables hold in the demo province
USERS = ("vanphong", "stc", "quantri")  # secretariat, agency officer, administrator


def get_rules(app: Flask) -> list[Rule]:
    return sorted(
        (rule for rule in app.url_map.iter_rules() if "GET" in (rule.methods or ())),
        key=lambda rule: rule.rule,
    )


def url_of(rule: Rule, values: dict[str, str]) -> str:
    """The rule's path with each argument replaced by its value, as a raw string: building
    through the converters would refuse the odd values this test is about."""

    def value_of(match: re.Match[str]) -> str:
        return quote(values.get(match.group(1), PLAIN_VALUE), safe="")

    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", value_of, rule.rule)


def odd_paths(rule: Rule) -> Iterator[str]:
    for argument in sorted(rule.arguments):
        for value in ODD_VALUES:
            if value:  # an empty path segment is another address
                yield url_of(rule, {argument: value})


def odd_queries(rule: Rule) -> Iterator[str]:
    path = url_of(rule, {})
    for value in ODD_VALUES[:3]:
        yield f"{path}?{urlencode(dict.fromkeys(QUERY_PARAMETERS, value))}"
    if not rule.arguments:
        for name in QUERY_PARAMETERS:
            for value in ("99999999999999999999", "²"):
                yield f"{path}?{urlencode({name: value})}"


@pytest.mark.parametrize("username", USERS)
def test_no_rule_answers_5xx_to_odd_values(app: Flask, login: Login, username: str) -> None:
    client = login(username)
    failures = []
    for rule in get_rules(app):
        for url in [*odd_paths(rule), *odd_queries(rule)]:
            status = client.get(url).status_code
            if status >= 500:
                failures.append(f"{status} {url}")
    assert failures == []


@pytest.mark.parametrize("value", ["99999999999999999999", "2147483648", "0", "-1", "²"])
def test_a_path_id_out_of_bounds_is_not_found(login: Login, value: str) -> None:
    client = login("vanphong")
    for path in ("/nhiem-vu/{}", "/thong-bao/{}", "/bao-cao/{}", "/nhiem-vu/1/minh-chung/{}"):
        assert client.get(path.format(quote(value))).status_code == 404


def test_the_largest_id_is_still_an_id(login: Login) -> None:
    assert login("vanphong").get("/nhiem-vu/2147483647").status_code == 404
    converter = IdConverter(None)  # type: ignore[arg-type]
    assert converter.to_python("2147483647") == 2**31 - 1
    assert converter.to_url(12) == "12"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        ("1", 1),
        ("0", None),
        ("-1", None),
        ("²", None),
        ("١٢", None),  # Arabic-Indic digits: int() takes them, an address should not
        ("+1", None),
        (" 1", None),
        ("1_0", None),
        ("99999999999999999999", None),
        ("", None),
        (None, None),
    ],
)
def test_whole_number(raw: str | None, expected: int | None) -> None:
    assert whole_number(raw, 1, 2**31 - 1) == expected


def test_page_and_id_parameters() -> None:
    assert page_number({}) == 1
    assert page_number({"page": "3"}) == 3
    assert page_number({"page": "99999999999999999999"}) == 1
    assert page_number({"page": "²"}) == 1
    assert query_id({"co_quan": "7"}, "co_quan") == 7
    assert query_id({"co_quan": "2147483648"}, "co_quan") is None
