"""Entry point for servers: `gunicorn wsgi:app`, `flask --app wsgi ...`."""

import gc

from tracker import create_app

app = create_app()
# What start-up made (the app, its models, SQLAlchemy's and Jinja's machinery: some 140,000
# objects) lives as long as the process. Frozen, the collector no longer walks it at each
# full collection: those took 44 ms, once every hundred dashboards.
gc.freeze()
