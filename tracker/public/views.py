"""The public results page and its Atom feed, without signing in, served from the figures
cache and cacheable by browsers and proxies for a few minutes."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, url_for
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response

from tracker.access import public_notices
from tracker.cache import remembered
from tracker.clock import today
from tracker.domain.markdown import render_markdown
from tracker.extensions import db
from tracker.notices.models import Notice
from tracker.public.results import public_results

blueprint = Blueprint("public", __name__, url_prefix="/cong-khai")
MAX_AGE = 300  # seconds a browser or proxy may keep a public page


@blueprint.route("/")
def notice_list() -> Response:
    def render() -> str:
        return render_template("public/_list.html", **_notices_with_totals())

    body = remembered("public-list", [today().isoformat()], render)
    return _page("Kết quả thực hiện các văn bản công khai", body)


@blueprint.route("/<id:notice_id>")
def notice_results(notice_id: int) -> Response:
    notice = db.session.scalar(public_notices().where(Notice.id == notice_id))
    if notice is None:
        abort(404)

    def render() -> str:
        return render_template(
            "public/_notice.html",
            notice=notice,
            body_html=Markup(render_markdown(notice.body)),  # noqa: S704 - sanitised
            results=public_results(db.session(), notice.id, today()),
        )

    body = remembered("public-notice", [notice_id, today().isoformat()], render)
    return _page(f"{notice.kind.label} {notice.number}", body)


@blueprint.route("/ket-qua.atom")
def feed() -> Response:
    def render() -> str:
        return render_template(
            "public/feed.xml",
            **_notices_with_totals(),
            feed_url=url_for("public.feed", _external=True),
            home_url=url_for("public.notice_list", _external=True),
        )

    response = Response(
        remembered("public-feed", [today().isoformat()], render), mimetype="application/atom+xml"
    )
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


def _notices_with_totals() -> dict[str, object]:
    """The public notices, latest first, and each one's totals, for the list and the feed."""
    notices = db.session.scalars(public_notices().order_by(Notice.issued_on.desc())).all()
    results = {n.id: public_results(db.session(), n.id, today()).totals for n in notices}
    return {"notices": notices, "results": results}


def _page(title: str, body: str) -> Response:
    """The cached content in the page around it, which is the reader's own: a signed-in
    reader's page names her, so only an anonymous one may be kept by a proxy."""
    page = render_template("public/page.html", title=title, body=Markup(body))  # noqa: S704
    response = Response(page, mimetype="text/html")
    if not current_user.is_authenticated:  # a signed-in reader's pages are never stored
        response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
