"""A user of the running app, for benchmarks: signs in through the real form, reads pages, and
sends a task page's forms as a browser does, CSRF token and task version included. The writer
is an agency officer reporting progress on one of its open tasks once a second while the pages
are measured, each report a real change that moves the figures cache on."""

from __future__ import annotations

import html
import re
import threading
import time
import uuid
from http.cookiejar import CookieJar
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

# Sessions are bound to the browser that signed in (Flask-Login's strong session protection):
# every request of the benchmark, wrk's included, presents the same one.
USER_AGENT = "tracker-bench"
SIGNED_IN = "Đăng xuất"
REPORTED = "Đã gửi báo cáo tiến độ."
TASK_LINK = re.compile(r'href="(/nhiem-vu/\d+)"')


class BrowserError(RuntimeError):
    """The app did not answer as a user would expect."""


class Browser:
    """One user's cookies over plain HTTP."""

    def __init__(self, base: str) -> None:
        if not base.startswith(("http://", "https://")):
            raise ValueError(f"not an HTTP address: {base}")
        self.base = base
        self.jar = CookieJar()
        self.opener = build_opener(HTTPCookieProcessor(self.jar))
        self.opener.addheaders = [("User-Agent", USER_AGENT)]

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as response:
            return str(response.read().decode())

    def post(self, path: str, body: bytes, content_type: str) -> str:
        """Send a form; redirects are followed, as a browser does after a saved form."""
        headers = {"Content-Type": content_type}
        request = Request(self.base + path, data=body, headers=headers)  # noqa: S310 - http(s) only
        with self.opener.open(request, timeout=30) as response:
            return str(response.read().decode())

    def sign_in(self, username: str, password: str) -> None:
        fields = form_fields(self.get("/dang-nhap"), None)
        fields.update(username=username, password=password)
        page = self.post(
            "/dang-nhap", urlencode(fields).encode(), "application/x-www-form-urlencoded"
        )
        if SIGNED_IN not in page:
            raise BrowserError(f"{username} could not sign in: {page[-1500:]}")

    def cookie_header(self) -> str:
        """The session as a Cookie header value, for wrk."""
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.jar)


def form_fields(page: str, action: str | None) -> dict[str, str]:
    """The hidden fields (CSRF token, task version) of the page's form posting to `action`,
    or of its form posting to the page itself when `action` is None."""
    for opening, content in re.findall(r"<form([^>]*)>(.*?)</form>", page, re.S | re.I):
        target = re.search(r'action="([^"]*)"', opening)
        if (html.unescape(target[1]) if target else None) == action:
            return _hidden_fields(content)
    raise BrowserError(f"no form posting to {action or 'its own page'} on the page")


def _hidden_fields(form: str) -> dict[str, str]:
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form):
        attributes = {
            name.lower(): html.unescape(value)
            for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag)
        }
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[attributes["name"]] = attributes.get("value", "")
    return fields


def multipart(fields: dict[str, str]) -> tuple[bytes, str]:
    """The body and content type of a multipart form, as the task page's forms are sent."""
    boundary = f"----tracker-bench-{uuid.uuid4().hex}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    body = "".join([*parts, f"--{boundary}--\r\n"]).encode()
    return body, f"multipart/form-data; boundary={boundary}"


def open_task_with_progress_form(browser: Browser) -> str:
    """The path of an open task on which the signed-in officer may report progress."""
    listing = browser.get("/nhiem-vu/?trang_thai=trong_han")
    for path in dict.fromkeys(TASK_LINK.findall(listing)):
        try:
            form_fields(browser.get(path), f"{path}/tien-do")
        except BrowserError:
            continue
        return path
    raise BrowserError("no open task of this agency takes a progress report")


class Writer:
    """Reports progress on one task once a second, in a thread, from `start()` to `stop()`;
    counts the reports saved and keeps the errors of the others."""

    def __init__(self, browser: Browser, task_path: str, interval: float = 1.0) -> None:
        self.browser = browser
        self.task_path = task_path
        self.interval = interval
        self.saved = 0
        self.failures: list[str] = []
        self.seconds: list[float] = []  # each report's time, task page to the page after it
        self._stop_requested = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-writer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop_requested.set()
        self._thread.join(timeout=60)

    def _run(self) -> None:
        due = time.monotonic()
        while not self._stop_requested.wait(max(0.0, due - time.monotonic())):
            # A write slower than the interval delays the next one rather than crowd them.
            due = max(due, time.monotonic()) + self.interval
            started = time.perf_counter()
            try:
                self._report_progress()
                self.saved += 1
            except (BrowserError, HTTPError, URLError, TimeoutError) as error:
                self.failures.append(str(error))
            self.seconds.append(time.perf_counter() - started)

    def _report_progress(self) -> None:
        """Open the task page, fill in its progress form, send it, as the officer does."""
        action = f"{self.task_path}/tien-do"
        fields = form_fields(self.browser.get(self.task_path), action)
        fields.update(body=f"Báo cáo tiến độ số {self.saved + 1} (đo tải).", percent="50")
        body, content_type = multipart(fields)
        page = self.browser.post(action, body, content_type)
        if REPORTED not in page:
            raise BrowserError(f"the progress report was not saved: {page[-800:]}")
