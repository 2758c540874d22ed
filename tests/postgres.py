"""A throwaway PostgreSQL server for the tests: Debian's ``postgresql`` (installed with apt-get when missing),
initdb in a temporary folder, listening on 127.0.0.1 and a free port, stopped and removed afterwards."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .net import free_port

APT_TIMEOUT_S = 900
START_TIMEOUT_S = 60


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def find_postgres() -> tuple[Path | None, str]:
    """The folder of initdb and pg_ctl, installing Debian's postgresql if missing; or None and why not."""
    if (found := _bin_dir()) is not None:
        return found, ""
    if not shutil.which("apt-get"):
        return None, "PostgreSQL is not installed and there is no apt-get to install it"
    try:
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "postgresql"]):
            subprocess.run(command, check=True, capture_output=True, timeout=APT_TIMEOUT_S,
                           env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"PostgreSQL is missing and 'apt-get install postgresql' failed: {exc}"
    found = _bin_dir()
    return (found, "") if found else (None, "apt-get installed no initdb")


def _as_owner(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: run them as Debian's postgres user then.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def throwaway_postgres(bin_dir: Path) -> Iterator[str]:
    """A running server; yields its SQLAlchemy URL (database ``postgres``, user ``postgres``, trust auth)."""
    root = Path(tempfile.mkdtemp(prefix="wirecoder-pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    port = free_port()
    pg_ctl = str(bin_dir / "pg_ctl")
    try:
        subprocess.run(_as_owner([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                                  "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {sockets} -c fsync=off"
        subprocess.run(_as_owner([pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w",
                                  "-t", str(START_TIMEOUT_S), "start"]), check=True, capture_output=True)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_owner([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        time.sleep(0.1)
        shutil.rmtree(root, ignore_errors=True)
