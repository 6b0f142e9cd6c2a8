"""Every message that leaves the app (e-mail, Zalo, SMS, webhooks): one outbox row per
recipient and channel, sent by the sender of its channel in a job that retries and records
failures. The in-app notification is the message itself and needs no sending."""
