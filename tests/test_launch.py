"""course.py's Voila launcher: ``python course.py review`` (the account-review app) and ``project NN`` (projector mode).

The command line is checked without starting anything; one test starts Voila for real in projector mode on
lesson 00 and reads the page over HTTP (the browser tests drive the apps themselves).
"""

from __future__ import annotations

import html
import importlib.util
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

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
course = importlib.util.module_from_spec(spec)
spec.loader.exec_module(course)

PYTHON = Path(sys.executable)


def launched(monkeypatch, argv: list[str]) -> tuple[list[str], dict]:
    """Run ``python course.py <argv>`` with setup and the server start recorded instead of run."""
    calls = []
    monkeypatch.setattr(course, "setup", lambda: PYTHON)
    monkeypatch.setattr(course.subprocess, "run", lambda cmd, **kw: calls.append((cmd, kw)))
    course.main(argv)
    (command, options), = calls
    return command, options


def test_project_serves_the_course_notebook_of_the_edition_with_code_hidden_and_the_large_text_template(
        tmp_path, monkeypatch):
    work = tmp_path / "work"
    command, options = launched(monkeypatch, ["project", "4", "--lang", "zh", "--work", str(work), "--no-browser"])
    notebook = Path(command[3])
    assert command[:3] == [str(PYTHON), "-m", "voila"]
    assert notebook.parent == ROOT / "notebooks" / "zh" and notebook.name.startswith("04_")  # the course's copy
    assert "--strip_sources=True" in command and "--no-browser" in command
    assert f"--template={course.PROJECTOR_TEMPLATE}" in command and f"--port={course.VOILA_PORT}" in command
    assert "--allow-root" not in command  # Voila refuses the flag (it has no root check to turn off)
    env = options["env"]
    assert env["CRMLESSONS_WORK"] == str(work.resolve()) and env["CRMLESSONS_LANG"] == "zh"
    assert options["cwd"] == work.resolve() and env["PATH"] == os.environ["PATH"]
    # The template Voila is told to use is where Voila looks: <JUPYTER_PATH entry>/voila/templates/<name>.
    data = Path(env["JUPYTER_PATH"].split(os.pathsep)[0])
    template = data / "voila" / "templates" / course.PROJECTOR_TEMPLATE
    assert json.loads((template / "conf.json").read_text(encoding="utf-8")) == {"base_template": "lab"}
    assert ".crm-widget" in (template / "index.html.j2").read_text(encoding="utf-8")
    assert data.is_relative_to(work.resolve())  # written into the work folder, never into the course


def test_review_opens_the_account_review_app_in_the_chosen_language_without_the_projector_template(
        tmp_path, monkeypatch):
    app = tmp_path / "apps" / "account_review.ipynb"  # stand-in until the app's notebook is in the course
    app.parent.mkdir()
    app.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(course, "REVIEW_APP", app)
    monkeypatch.setattr(course, "ROOT", tmp_path)
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    command, options = launched(monkeypatch, ["review", "--work", str(tmp_path / "w"), "--port", "9123",
                                              "--lang", "zh"])
    assert command[3] == str(app) and "--port=9123" in command and "--strip_sources=True" in command
    assert not any(part.startswith("--template") for part in command) and "JUPYTER_PATH" not in options["env"]
    assert "--no-browser" not in command  # a trainer's browser opens by default
    assert options["env"]["CRMLESSONS_LANG"] == "zh"
    assert options["env"]["CRMLESSONS_WORK"] == str((tmp_path / "w").resolve())
    english, _ = launched(monkeypatch, ["review", "--work", str(tmp_path / "w")])
    assert english[3] == str(app)


def test_an_existing_jupyter_path_is_kept_after_the_template_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", "/opt/shared/jupyter")
    _, env = course.voila_command(PYTHON, ROOT / "notebooks" / "00_start_here.ipynb", [], tmp_path, projector=True)
    first, second = env["JUPYTER_PATH"].split(os.pathsep)
    assert Path(first).is_relative_to(tmp_path) and second == "/opt/shared/jupyter"


def test_bad_lesson_numbers_and_ports_are_named(tmp_path, monkeypatch):
    with pytest.raises(SystemExit, match=r"needs a lesson number, one of 00, 01.*got '99'"):
        course.lesson_notebook(["99"])
    with pytest.raises(SystemExit, match="needs a lesson number.*got 'none'"):
        course.lesson_notebook(["--lang", "zh"])
    with pytest.raises(SystemExit, match="--port needs a whole number.*'eighty'"):
        course.voila_command(PYTHON, ROOT / "notebooks" / "00_start_here.ipynb", ["--port", "eighty"], tmp_path, False)
    monkeypatch.setattr(course, "REVIEW_APP", ROOT / "notebooks" / "apps" / "not_there.ipynb")
    with pytest.raises(SystemExit, match="not_there.ipynb is not there yet"):
        course.open_app(PYTHON, course.REVIEW_APP, ["--work", str(tmp_path)])


def test_every_lesson_of_both_editions_can_be_projected():
    english = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert english, "no lessons found"
    for name in english:
        assert course.lesson_notebook([name[:2]]).name == name
        assert course.lesson_notebook([name[:2], "--lang", "zh"]) == ROOT / "notebooks" / "zh" / name


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def private_jupyter(home: Path) -> dict[str, str]:
    """Jupyter's own folders (signing key, runtime files) in ``home``, not the developer's."""
    folders = {"JUPYTER_CONFIG_DIR": "config", "JUPYTER_DATA_DIR": "data", "JUPYTER_RUNTIME_DIR": "runtime",
               "IPYTHONDIR": "ipython", "MPLCONFIGDIR": "mpl"}
    return {variable: str(home / name) for variable, name in folders.items()}


def fetch_page(url: str, process: subprocess.Popen, deadline: float) -> str:
    """GET ``url`` until Voila answers (it renders the whole lesson before the page ends)."""
    while time.monotonic() < deadline:
        assert process.poll() is None, "Voila stopped before serving the page"
        try:
            with urllib.request.urlopen(url, timeout=max(1.0, deadline - time.monotonic())) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    pytest.fail(f"Voila did not serve {url} in time")


@pytest.mark.server
def test_projector_mode_really_serves_the_lesson_with_code_hidden_and_large_text(tmp_path, monkeypatch):
    for variable, folder in private_jupyter(tmp_path / "jupyter-home").items():
        monkeypatch.setenv(variable, folder)
    port, start = free_port(), time.monotonic()
    notebook = ROOT / "notebooks" / "00_start_here.ipynb"
    command, env = course.voila_command(PYTHON, notebook, ["--port", str(port), "--no-browser"], tmp_path, True)
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = next(c for c in cells if c["cell_type"] == "code")["source"]
    heading = next(c for c in cells if c["cell_type"] == "markdown")["source"]
    log = tmp_path / "voila.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        page = fetch_page(f"http://127.0.0.1:{port}/", process, start + 30)
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # Voila and the lesson's kernel (same process group)
        process.wait(15)
    assert time.monotonic() - start < 30, "projector mode should be up and the page served within 30 s"
    first_line = "".join(code).splitlines()[0]
    title = "".join(heading).splitlines()[0].lstrip("# ").strip()
    text = html.unescape(page)  # Voila writes non-ASCII text as character references
    assert title and title in text  # the lesson's text is there ...
    assert first_line and first_line not in text  # ... its code is not
    assert 'id="crmlessons-projector"' in page and "--jp-widgets-font-size: 22px" in page and ".crm-widget" in page
    assert "Kernel started" in log.read_text(errors="replace")
