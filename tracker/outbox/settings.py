"""The channels' settings, read once from the app's config into plain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.quiet_hours import QuietHours
from tracker.mail.transport import SmtpSettings
from tracker.outbox.models import Channel


@dataclass(frozen=True)
class ZaloSettings:
    app_id: str
    secret_key: str = field(repr=False)
    first_refresh_token: str = field(repr=False)
    template_id: str
    template_data: dict[str, Any]
    api_url: str
    oauth_url: str


@dataclass(frozen=True)
class SmsSettings:
    url: str
    username: str
    password: str = field(repr=False)
    body_template: Any
    brandname: str
    unicode: bool
    max_segments: int
    success: tuple[str, str] | None  # the JSON field and the value that mean accepted


@dataclass(frozen=True)
class ChannelSettings:
    smtp: SmtpSettings
    zalo: ZaloSettings | None
    sms: SmsSettings | None
    quiet_hours: QuietHours | None
    webhook_max_failures: int
    base_url: str

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> ChannelSettings:
        return cls(
            smtp=SmtpSettings.from_config(config),
            zalo=_zalo(config),
            sms=_sms(config),
            quiet_hours=QuietHours.parse(config["QUIET_HOURS"]),
            webhook_max_failures=config["WEBHOOK_MAX_FAILURES"],
            base_url=config["BASE_URL"],
        )

    @property
    def personal_channels(self) -> tuple[Channel, ...]:
        """The channels a person may choose here: e-mail, and Zalo and SMS when set up."""
        offered = [Channel.EMAIL]
        if self.zalo is not None:
            offered.append(Channel.ZALO)
        if self.sms is not None:
            offered.append(Channel.SMS)
        return tuple(offered)


def _zalo(config: Mapping[str, Any]) -> ZaloSettings | None:
    if not (config["ZALO_APP_ID"] and config["ZALO_TEMPLATE_ID"]):
        return None
    return ZaloSettings(
        app_id=config["ZALO_APP_ID"],
        secret_key=config["ZALO_SECRET_KEY"],
        first_refresh_token=config["ZALO_REFRESH_TOKEN"],
        template_id=config["ZALO_TEMPLATE_ID"],
        template_data=config["ZALO_TEMPLATE_DATA"],
        api_url=config["ZALO_API_URL"],
        oauth_url=config["ZALO_OAUTH_URL"],
    )


def _sms(config: Mapping[str, Any]) -> SmsSettings | None:
    if not config["SMS_GATEWAY_URL"]:
        return None
    field_name, _, value = config["SMS_SUCCESS"].partition("=")
    return SmsSettings(
        url=config["SMS_GATEWAY_URL"],
        username=config["SMS_GATEWAY_USERNAME"],
        password=config["SMS_GATEWAY_PASSWORD"],
        body_template=config["SMS_BODY_TEMPLATE"],
        brandname=config["SMS_BRANDNAME"],
        unicode=config["SMS_UNICODE"],
        max_segments=config["SMS_MAX_SEGMENTS"],
        success=(field_name.strip(), value.strip()) if field_name.strip() else None,
    )
