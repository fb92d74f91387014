"""gunicorn settings shared by the run command and the benchmark:
`gunicorn sotong.wsgi --config python:sotong.gunicorn_conf …` (the rest stays on the command line).
"""

import os
import sys


def worker_exit(server, worker):
    """Leave a stopping worker without the interpreter's teardown, keeping its exit status.

    A worker forked from a master that preloaded the Korean analyser (`--preload` with
    SOTONG_PRELOAD_ANALYSER=1, as run.py serves) never finishes exiting: Kiwi's C++ teardown
    waits for a thread that only the master has, since a fork copies none. The master then
    kills it after its 30 s grace, or, stopped first, leaves it running with the port open.
    Here the worker has finished its requests; its database connections are closed first."""
    from django.db import connections

    connections.close_all()
    error = sys.exc_info()[1]
    status = error.code if isinstance(error, SystemExit) and isinstance(error.code, int) else 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
