"""A Dask cluster to build on, named by the ``--dask`` spec.

=====================================  ===================================================
``local``                              a ``LocalCluster`` of one worker process per core
``local:N``                            a ``LocalCluster`` of ``N`` worker processes
``tcp://scheduler:8786``               the scheduler of a running cluster (``dask scheduler``
                                       and ``dask worker`` on other machines, see docs/DEPLOY.md)
=====================================  ===================================================

Workers of a local cluster have one thread each (spaCy holds the GIL); Dask
itself is an optional dependency (``pip install 'kg[dask]'``).

>>> parse_spec("local:3"), parse_spec("tcp://10.0.0.5:8786")
(('local', 3), ('remote', 'tcp://10.0.0.5:8786'))
>>> parse_spec("local:0")
Traceback (most recent call last):
...
kg.errors.KgError: bad --dask spec 'local:0': a local cluster needs at least 1 worker
"""
from __future__ import annotations

import logging
import os
import urllib.request
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from kg.errors import KgError, one_line

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

#: schemes of a scheduler address that Dask's comms understand
SCHEMES = ("tcp://", "tls://", "ws://", "wss://", "ucx://", "inproc://")

#: seconds to wait for a remote scheduler to answer
CONNECT_TIMEOUT = 30


def parse_spec(spec: str) -> tuple[str, int | str]:
    """``("local", N)`` or ``("remote", address)`` for a ``--dask`` spec; a bad one raises :class:`KgError`."""
    text = spec.strip()
    kind, _, rest = text.partition(":")
    if kind.lower() == "local":
        if not rest:
            return "local", os.cpu_count() or 1
        if not rest.isdigit() or int(rest) < 1:
            raise KgError(f"bad --dask spec {spec!r}: a local cluster needs at least 1 worker")
        return "local", int(rest)
    if text.lower().startswith(SCHEMES) and len(text) > text.index("://") + 3:
        return "remote", text
    raise KgError(f"bad --dask spec {spec!r} (known: local, local:N, tcp://HOST:PORT)")


def _dask() -> tuple[type, type]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise KgError("--dask needs Dask: pip install 'kg[dask]' (dask[distributed])") from None
    return Client, LocalCluster


@contextmanager
def dask_client(spec: str) -> Iterator["Client"]:
    """A Dask client on the cluster ``spec`` names; a local cluster is started and stopped with it."""
    kind, value = parse_spec(spec)
    client_class, local_class = _dask()
    cluster = None
    try:
        if kind == "local":
            cluster = local_class(n_workers=value, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=logging.ERROR)
            client = client_class(cluster)
        else:
            client = client_class(value, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
        if cluster is not None:
            cluster.close()
        raise KgError(f"cannot reach the Dask scheduler {spec}: {one_line(exc)}", exit_code=1) from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dashboard(client: "Client") -> str | None:
    """The address of the cluster's dashboard, when it answers (the scheduler needs bokeh for it)."""
    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return None
        link = client.dashboard_link
        with urllib.request.urlopen(link, timeout=5) as response:  # without bokeh: a page that says so
            return link if response.status == 200 and b"needs bokeh" not in response.read(2000) else None
    except Exception:  # no dashboard, or one that does not answer: nothing to show
        return None


def worker_count(client: "Client") -> int:
    """How many workers the cluster has now."""
    return len(client.scheduler_info().get("workers", {}))
