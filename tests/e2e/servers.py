"""Start and stop the JupyterLab and Voila servers the browser tests drive.

Every server runs on 127.0.0.1, on a free port, without token or password, with its own Jupyter
config/data/runtime/settings/workspace folders inside a temporary folder (nothing from the user's own
Jupyter setup leaks in), in its own process group, and is stopped by process id (the whole group).
Waits are bounded: a server that is not ready in time is stopped and its log is shown in the error.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

#: Seconds a server may take to answer its readiness probe.
START_TIMEOUT = 90


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(url: str, timeout: float = 5) -> tuple[int, bytes]:
    """GET ``url``; return (status, body); status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except (OSError, urllib.error.URLError):
        return 0, b""


def http_json(method: str, url: str, timeout: float = 10):
    """Send a body-less request and decode a JSON answer (None for an empty answer)."""
    request = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
    return json.loads(body) if body else None


def isolated_env(home: Path) -> dict[str, str]:
    """Return an environment whose Jupyter folders all live under ``home`` (created here).

    The environment's own ``share/jupyter`` (where the ipywidgets lab extension and the kernel spec
    are installed) stays on Jupyter's path, as for a student; only user-level folders are replaced.
    """
    dirs = {name: home / name for name in ("config", "data", "runtime", "ipython", "mpl", "work")}
    for folder in dirs.values():
        folder.mkdir(parents=True, exist_ok=True)
    # The "get notified about Jupyter news?" pop-up covers clicks; this is what turns it off.
    (dirs["config"] / "labconfig").mkdir(exist_ok=True)
    (dirs["config"] / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_", "IPYTHON", "MPL"))}
    env.update(JUPYTER_CONFIG_DIR=str(dirs["config"]), JUPYTER_DATA_DIR=str(dirs["data"]),
               JUPYTER_RUNTIME_DIR=str(dirs["runtime"]), IPYTHONDIR=str(dirs["ipython"]),
               MPLCONFIGDIR=str(dirs["mpl"]), JUPYTER_PLATFORM_DIRS="1", PYTHONUNBUFFERED="1",
               CRMLESSONS_WORK=str(dirs["work"]),  # a widget's "save" never touches the user's folder
               JUPYTER_NO_CONFIG="", PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.pop("JUPYTER_NO_CONFIG")
    # The servers' kernels must use this interpreter's environment (the course's .venv).
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


class Server:
    """A server process in its own process group, with its output in a log file."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], cwd: Path, log: Path,
                 base_url: str, probe: str):
        self.name, self.command, self.env, self.cwd = name, command, env, cwd
        self.log, self.base_url, self.probe = log, base_url, probe
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = START_TIMEOUT) -> "Server":
        """Start the process and wait (at most ``timeout`` s) until ``probe`` answers 200."""
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(self.command, cwd=self.cwd, env=self.env, stdout=log,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            start_new_session=True)
        atexit.register(self.stop)  # also on Ctrl+C or an error before the fixture's own stop
        deadline = time.monotonic() + timeout
        first_answer = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with code {self.process.returncode}:\n{self.log_tail()}")
            status, _ = http_get(self.base_url + self.probe, timeout=3)
            if status == 200:
                return self
            if status:  # the server answers, but not 200: give it a little time, not the whole timeout
                first_answer = first_answer or time.monotonic()
                if time.monotonic() - first_answer > 10:
                    self.stop()
                    raise RuntimeError(f"{self.name} answers {self.probe} with HTTP {status}:\n{self.log_tail()}")
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer {self.probe} within {timeout} s:\n{self.log_tail()}")

    def stop(self, timeout: float = 15) -> None:
        """Stop the whole process group: SIGTERM, then SIGKILL after ``timeout`` s."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                return
            try:
                process.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue
        # Kernels started by the server are in the same group; make sure none survive it.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def log_tail(self, chars: int = 4000) -> str:
        """Return the end of the server's log."""
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    def url(self, path: str) -> str:
        """Return the full URL of ``path`` on this server."""
        return self.base_url + path


def start_jupyterlab(root_dir: Path, home: Path) -> Server:
    """Start JupyterLab serving ``root_dir``, its private folders under ``home``."""
    home.mkdir(parents=True, exist_ok=True)
    env = isolated_env(home)
    settings, workspaces = home / "lab-settings", home / "lab-workspaces"
    # Keep every cell in the page (no virtual scrolling), so the tests can see all of them.
    tracker = settings / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    workspaces.mkdir(exist_ok=True)
    port = free_port()
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
               f"--ServerApp.root_dir={root_dir}", f"--LabApp.user_settings_dir={settings}",
               f"--LabApp.workspaces_dir={workspaces}", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--ServerApp.open_browser=False"]
    return Server("JupyterLab", command, env, root_dir, home / "jupyterlab.log",
                  f"http://127.0.0.1:{port}", "/api/status").start()


def start_voila(root_dir: Path, home: Path) -> Server:
    """Start Voila serving the notebooks of ``root_dir`` (code hidden), its folders under ``home``."""
    home.mkdir(parents=True, exist_ok=True)
    env = isolated_env(home)
    port = free_port()
    command = [sys.executable, "-m", "voila", str(root_dir), "--no-browser", f"--port={port}",
               "--Voila.ip=127.0.0.1", "--strip_sources=True", "--Voila.port_retries=0",
               "--ServerApp.token=", "--ServerApp.password="]
    # Probe a static file: every page render starts a kernel, a static file does not.
    return Server("Voila", command, env, root_dir, home / "voila.log",
                  f"http://127.0.0.1:{port}", "/voila/static/voila.js").start()


def shutdown_sessions(server: Server, path_suffix: str) -> None:
    """Shut down JupyterLab sessions (and their kernels) of notebooks whose path ends in ``path_suffix``."""
    try:
        sessions = http_json("GET", server.url("/api/sessions")) or []
        for session in sessions:
            if session.get("path", "").endswith(path_suffix):
                http_json("DELETE", server.url(f"/api/sessions/{session['id']}"))
    except (OSError, urllib.error.URLError, ValueError):
        pass  # best effort: the server's own shutdown stops any kernel left
