"""one outbox for every channel (e-mail, Zalo, SMS, webhooks), users' channels and phone,
webhooks, Zalo tokens

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04

"""
import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

STATE = sa.Enum('queued', 'sent', 'failed', name='deliverystate', native_enum=False, length=30)
CHANNEL = sa.Enum('email', 'zalo', 'sms', 'webhook', name='channel', native_enum=False, length=20)
RHYTHM = sa.Enum('immediate', 'daily', name='notifyrhythm', native_enum=False, length=20)


def upgrade():
    op.create_table('webhook',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.Column('events', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failures_in_row', sa.Integer(), nullable=False),
    sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], name=op.f('fk_webhook_agency_id_agency'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook'))
    )
    with op.batch_alter_table('webhook', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_agency_id'), ['agency_id'], unique=False)

    op.create_table('zalo_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('access_token', sa.Text(), nullable=True),
    sa.Column('refresh_token', sa.Text(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_zalo_token'))
    )

    outbox = op.create_table('outbox_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', CHANNEL, nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('webhook_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('subject', sa.String(length=255), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('html', sa.Text(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('segments', sa.Integer(), nullable=True),
    sa.Column('state', STATE, nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('not_before', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_outbox_message_user_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['webhook_id'], ['webhook.id'], name=op.f('fk_outbox_message_webhook_id_webhook'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message'))
    )
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_message_state_created_at', ['state', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_message_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_message_webhook_id'), ['webhook_id'], unique=False)

    # Each queued or sent e-mail becomes one outbox row per recipient.
    mails = sa.table('outgoing_mail', sa.column('kind'), sa.column('recipients', sa.JSON),
                     sa.column('subject'), sa.column('text'), sa.column('html'), sa.column('state'),
                     sa.column('attempts'), sa.column('last_error'),
                     sa.column('created_at', sa.DateTime(timezone=True)),
                     sa.column('sent_at', sa.DateTime(timezone=True)))
    rows = [
        {'channel': 'email', 'kind': m.kind, 'address': address, 'subject': m.subject,
         'text': m.text, 'html': m.html, 'state': m.state, 'attempts': m.attempts,
         'last_error': m.last_error, 'created_at': m.created_at, 'sent_at': m.sent_at}
        for m in op.get_bind().execute(sa.select(mails))
        for address in m.recipients
    ]
    if rows:
        op.bulk_insert(outbox, rows)
    op.drop_table('outgoing_mail')

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notify_channels', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('phone', sa.String(length=11), nullable=True))
    # "none" meant no e-mail: no channel out of the app, at once
    op.execute("UPDATE user_account SET notify_channels = '[]' WHERE mail_preference = 'none'")
    op.execute("UPDATE user_account SET notify_channels = '[\"email\"]' WHERE mail_preference <> 'none'")
    op.execute("UPDATE user_account SET mail_preference = 'immediate' WHERE mail_preference = 'none'")
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('notify_channels', existing_type=sa.JSON(), nullable=False)
        batch_op.alter_column('mail_preference', new_column_name='notify_rhythm',
                              existing_type=sa.String(length=20), type_=RHYTHM,
                              existing_server_default='immediate', existing_nullable=False)

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.alter_column('emailed_at', new_column_name='sent_out_at',
                              existing_type=sa.DateTime(timezone=True), existing_nullable=True)


def downgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.alter_column('sent_out_at', new_column_name='emailed_at',
                              existing_type=sa.DateTime(timezone=True), existing_nullable=True)
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('notify_rhythm', new_column_name='mail_preference',
                              existing_type=RHYTHM, existing_server_default='immediate',
                              existing_nullable=False)
        batch_op.drop_column('phone')
        batch_op.drop_column('notify_channels')

    mail = op.create_table('outgoing_mail',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('subject', sa.String(length=255), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('html', sa.Text(), nullable=False),
    sa.Column('state', sa.Enum('queued', 'sent', 'failed', name='mailstate', native_enum=False, length=30), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outgoing_mail'))
    )
    with op.batch_alter_table('outgoing_mail', schema=None) as batch_op:
        batch_op.create_index('ix_outgoing_mail_state_created_at', ['state', 'created_at'], unique=False)
    messages = sa.table('outbox_message', sa.column('channel'), sa.column('kind'),
                        sa.column('address'), sa.column('subject'), sa.column('text'),
                        sa.column('html'), sa.column('state'), sa.column('attempts'),
                        sa.column('last_error'), sa.column('created_at', sa.DateTime(timezone=True)),
                        sa.column('sent_at', sa.DateTime(timezone=True)))
    rows = [
        {'kind': m.kind, 'recipients': [m.address], 'subject': m.subject, 'text': m.text,
         'html': m.html or '', 'state': m.state, 'attempts': m.attempts,
         'last_error': m.last_error, 'created_at': m.created_at, 'sent_at': m.sent_at}
        for m in op.get_bind().execute(sa.select(messages).where(messages.c.channel == 'email'))
    ]
    if rows:
        op.bulk_insert(mail, rows)
    op.drop_table('outbox_message')
    op.drop_table('zalo_token')
    with op.batch_alter_table('webhook', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_agency_id'))
    op.drop_table('webhook')
