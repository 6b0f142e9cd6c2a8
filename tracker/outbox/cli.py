"""`flask channels …`: try a channel from the command line, and give Zalo a new refresh
token when the one kept was lost or revoked."""

from __future__ import annotations

import click
from flask import current_app
from sqlalchemy import select

from tracker.db import utcnow
from tracker.domain.phones import PhoneNumberError, normalize_mobile
from tracker.extensions import db
from tracker.outbox.compose import Content, message_to
from tracker.outbox.delivery import attempt
from tracker.outbox.models import Channel, DeliveryState, ZaloToken
from tracker.outbox.settings import ChannelSettings

channels_cli = click.Group("channels", help="E-mail, Zalo, SMS: try them, and Zalo's token.")
TRY_TEXT = "Tracker: tin nhắn thử. Kênh đã được cấu hình đúng."


@channels_cli.command("try")
@click.argument("channel", type=click.Choice(["email", "zalo", "sms"]))
@click.argument("address")
def try_channel(channel: str, address: str) -> None:
    """Send a test message to ADDRESS (an e-mail address, or a mobile number) now."""
    settings = ChannelSettings.from_config(current_app.config)
    chosen = Channel(channel)
    if chosen not in settings.personal_channels:
        raise click.ClickException(f"{chosen.label} is not configured (see README).")
    if chosen is not Channel.EMAIL:
        try:
            address = normalize_mobile(address)
        except PhoneNumberError as error:
            raise click.BadParameter(str(error), param_hint="ADDRESS") from error
    content = Content(
        kind="try", subject=TRY_TEXT, text=TRY_TEXT, html=TRY_TEXT, line=TRY_TEXT, link=""
    )
    # at once, whatever the hour: the administrator is trying it now
    message = message_to(chosen, address, "", content, settings, utcnow())
    message.not_before = None
    db.session.add(message)
    db.session.commit()
    attempt(db.session(), message.id, settings, utcnow())
    db.session.refresh(message)
    if message.state is not DeliveryState.SENT:
        raise click.ClickException(f"not sent: {message.last_error}")
    click.echo(f"sent by {chosen.value} to {address}")


@channels_cli.command("zalo-token")
@click.argument("refresh_token")
def replace_zalo_token(refresh_token: str) -> None:
    """Keep REFRESH_TOKEN (from the OA's authorization) as Zalo's next refresh token."""
    token = db.session.scalar(select(ZaloToken)) or ZaloToken(refresh_token=refresh_token)
    token.refresh_token, token.access_token, token.expires_at = refresh_token, None, None
    token.updated_at = utcnow()
    db.session.add(token)
    db.session.commit()
    click.echo("Zalo refresh token replaced; the next message asks Zalo for a new access token.")
