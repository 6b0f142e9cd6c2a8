"""Settings read from the environment; nothing here touches the disk or the network."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

TRUE_WORDS = {"1", "true", "yes", "on"}


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    return default if raw is None else raw.strip().lower() in TRUE_WORDS


def _json(env: Mapping[str, str], name: str, default: Any) -> Any:
    """A JSON setting; a value that is not JSON stops the start with the setting's name."""
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return json.loads(raw)
    except ValueError as error:
        raise ValueError(f"{name} is not valid JSON: {error}") from error


def settings_from_env(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Build the Flask config mapping from environment variables.

    Every setting has a safe default for one machine: SQLite in the instance folder, a local
    Redis on the private port that `make run` starts, cookies marked Secure only in production.
    """
    env = os.environ if env is None else env
    production = env.get("TRACKER_ENV", "development") == "production"
    redis_url = env.get("REDIS_URL", "redis://127.0.0.1:6479/0")
    remember_days = int(env.get("REMEMBER_DAYS", "14"))
    upload_max_bytes = int(env.get("MAX_UPLOAD_MB", "20")) * 1024 * 1024
    return {
        "TRACKER_ENV": "production" if production else "development",
        "SECRET_KEY": env.get("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": env.get("DATABASE_URL"),
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI", redis_url),
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_HEADERS_ENABLED": True,
        # failed sign-ins per address, whatever the username (one account is slowed apart)
        "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT", "50 per 15 minutes"),
        # reverse proxies in front of the app whose X-Forwarded-For is believed
        "TRUSTED_PROXIES": int(env.get("TRUSTED_PROXIES", "0")),
        "API_RATE_LIMIT": env.get("API_RATE_LIMIT", "300 per minute"),
        # writes of one token, on top of API_RATE_LIMIT, which they count against too
        "API_WRITE_RATE_LIMIT": env.get("API_WRITE_RATE_LIMIT", "60 per minute"),
        "SESSION_COOKIE_SECURE": _flag(env, "SESSION_COOKIE_SECURE", production),
        "REMEMBER_COOKIE_SECURE": _flag(env, "SESSION_COOKIE_SECURE", production),
        "SESSION_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # "Remember me" signs the user in again for this long, until she signs out anywhere.
        "REMEMBER_DAYS": remember_days,
        "REMEMBER_COOKIE_DURATION": timedelta(days=remember_days),
        "PERMANENT_SESSION_LIFETIME": int(env.get("SESSION_LIFETIME_SECONDS", 8 * 3600)),
        "WTF_CSRF_TIME_LIMIT": None,
        # each uploaded file; a request may carry a few (a progress report with attachments)
        "UPLOAD_MAX_BYTES": upload_max_bytes,
        "MAX_CONTENT_LENGTH": 3 * upload_max_bytes + 1024 * 1024,
        "UPLOAD_FOLDER": env.get("UPLOAD_FOLDER"),
        "OUTBOX_FOLDER": env.get("OUTBOX_FOLDER"),
        "DUE_SOON_DAYS": int(env.get("DUE_SOON_DAYS", "3")),
        "PAGE_SIZE": int(env.get("PAGE_SIZE", "50")),
        # how long counted figures may be reused at most; any write to tasks ends it sooner
        "CACHE_SECONDS": int(env.get("CACHE_SECONDS", "600")),
        "BASE_URL": env.get("BASE_URL", "http://127.0.0.1:5000"),
        "PROVINCE_NAME": env.get("PROVINCE_NAME", "Đắk Nông"),
        "REPORT_SIGNER_TITLE": env.get("REPORT_SIGNER_TITLE", "CHÁNH VĂN PHÒNG"),
        "REPORT_SIGNER_NAME": env.get("REPORT_SIGNER_NAME", ""),
        "MAIL_HOST": env.get("MAIL_HOST", "127.0.0.1"),
        "MAIL_PORT": int(env.get("MAIL_PORT", "8025")),
        "MAIL_SECURITY": env.get("MAIL_SECURITY", "none"),
        "MAIL_USERNAME": env.get("MAIL_USERNAME"),
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD"),
        "MAIL_SENDER": env.get("MAIL_SENDER", "Tracker <no-reply@tracker.local>"),
        **_channel_settings(env),
    }


def _channel_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """Zalo, SMS and webhooks (see README, "Kênh gửi thông báo"). A channel without its
    settings is not offered to users."""
    return {
        # Messages that ring a phone (Zalo, SMS) written at night wait for the morning.
        "QUIET_HOURS": env.get("QUIET_HOURS", "21:00-07:00"),
        "ZALO_APP_ID": env.get("ZALO_APP_ID", ""),
        "ZALO_SECRET_KEY": env.get("ZALO_SECRET_KEY", ""),
        # the first refresh token, from the OA's authorization; later ones are kept in the database
        "ZALO_REFRESH_TOKEN": env.get("ZALO_REFRESH_TOKEN", ""),
        "ZALO_TEMPLATE_ID": env.get("ZALO_TEMPLATE_ID", ""),
        "ZALO_TEMPLATE_DATA": _json(
            env, "ZALO_TEMPLATE_DATA", {"noi_dung": "{message}", "duong_dan": "{link}"}
        ),
        "ZALO_API_URL": env.get(
            "ZALO_API_URL", "https://business.openapi.zalo.me/message/template"
        ),
        "ZALO_OAUTH_URL": env.get("ZALO_OAUTH_URL", "https://oauth.zaloapp.com/v4/oa/access_token"),
        "SMS_GATEWAY_URL": env.get("SMS_GATEWAY_URL", ""),
        "SMS_GATEWAY_USERNAME": env.get("SMS_GATEWAY_USERNAME", ""),
        "SMS_GATEWAY_PASSWORD": env.get("SMS_GATEWAY_PASSWORD", ""),
        "SMS_BODY_TEMPLATE": _json(
            env,
            "SMS_BODY_TEMPLATE",
            {"to": ["{phone}"], "content": "{text}", "sms_type": 2, "sender": "{brandname}"},
        ),
        "SMS_BRANDNAME": env.get("SMS_BRANDNAME", ""),
        # most gateways send GSM 7-bit only: Vietnamese without diacritics, 160 characters
        "SMS_UNICODE": _flag(env, "SMS_UNICODE", False),
        "SMS_MAX_SEGMENTS": int(env.get("SMS_MAX_SEGMENTS", "2")),
        # "field=value" of the gateway's JSON answer that means accepted; empty: any 2xx
        "SMS_SUCCESS": env.get("SMS_SUCCESS", "status=success"),
        "WEBHOOK_MAX_FAILURES": int(env.get("WEBHOOK_MAX_FAILURES", "5")),
    }
