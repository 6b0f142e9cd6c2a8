"""Background work on RQ: the periodic schedule and the jobs it enqueues."""
