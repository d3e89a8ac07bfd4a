"""Browser tests: every lesson's widgets used in JupyterLab and in Voila, in headless Chromium.

What runs
    ``python course.py test`` (plain ``pytest`` from the repo root) collects these tests with the rest.
    One JupyterLab server, one Voila server and one Chromium serve the whole session; each notebook is
    a COPY in a temporary folder (the repo is never written), opened in a fresh browser page.
    Servers listen on 127.0.0.1 on free ports, with private Jupyter folders, and are stopped by
    process group at the end of the session (see ``servers.py``).

When they are skipped, and when they fail instead
    * Playwright (the Python package) or a Chromium browser missing: SKIPPED, with the reason, on a
      student's or author's machine. On CI (environment variable ``CI`` set to ``true``/``1``) they
      FAIL instead: CI must never pass without having driven a browser.
    * Chromium is looked for at ``$CRMLESSONS_CHROMIUM``, then ``chromium``, ``chromium-browser``,
      ``google-chrome`` on the PATH, then Playwright's own download (``playwright install chromium``).
    * ``pytest -m "not e2e"`` leaves them out on purpose (they take about a minute).

When a test fails
    Screenshots of the widget before and after each step, and of the whole page at the failure, are
    copied to ``test-artifacts/e2e/<test name>/`` under the repo root (git-ignored); the path is
    printed in the failure report. Server logs are printed too.

Adding a lesson's widgets: see the instructions at the top of ``widget_specs.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from crmlessons.trainer.pages import find_chromium  # one home: the answer key's PDF step uses it too

from . import fonts, servers
from .driver import Shots, lab_run_all, open_lab_notebook, settle_widgets

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
ON_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}


def notebooks() -> list[Path]:
    """The lesson notebooks, in lesson order."""
    return sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: browser test (JupyterLab / Voila in headless Chromium)")


def pytest_collection_modifyitems(config, items):
    """Mark every test here ``e2e`` and keep each notebook's tests together (one page per notebook)."""
    here = Path(__file__).parent
    e2e = [i for i in items if Path(str(i.fspath)).parent == here and i.name.startswith("test_")]
    for item in e2e:
        item.add_marker(pytest.mark.e2e)
    if not e2e:
        return
    order = {id(item): n for n, item in enumerate(items)}

    def key(item):
        notebook = getattr(item, "callspec", None) and item.callspec.params.get("notebook", "")
        return (str(item.fspath), notebook or "", order[id(item)])

    slots = [n for n, item in enumerate(items) if item in e2e]
    for slot, item in zip(slots, sorted(e2e, key=key)):
        items[slot] = item


# ---------------------------------------------------------------------------------------------
# Is a browser available?



def not_available(reason: str):
    """Skip with ``reason`` on a personal machine; fail on CI, where the browser tests must run."""
    if ON_CI:
        pytest.fail(f"browser tests cannot run on CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        not_available("the Python package playwright is not installed (pip install playwright)")
    executable = find_chromium()
    manager = sync_playwright().start()
    try:
        if executable is None and not Path(manager.chromium.executable_path).exists():
            not_available("no Chromium found: install chromium (e.g. apt install chromium), "
                          "set CRMLESSONS_CHROMIUM, or run `playwright install chromium`")
        try:
            chromium = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, timeout=60_000)
        except Exception as exc:  # noqa: BLE001 - name the browser that failed
            not_available(f"Chromium {executable or '(Playwright download)'} did not start: {exc}")
        yield chromium
        chromium.close()
    finally:
        manager.stop()


@pytest.fixture(scope="session")
def e2e_home(tmp_path_factory) -> Path:
    """The session's temporary folder: notebook copies, Jupyter folders, server logs."""
    return tmp_path_factory.mktemp("e2e")


def _report_log(server: servers.Server) -> None:
    sys.stderr.write(f"\n--- {server.name} log ({server.log}) ---\n{server.log_tail(3000)}\n")


@pytest.fixture(scope="session")
def lab_server(browser, e2e_home):
    """One JupyterLab server for the session (started after the browser, so a skip starts nothing)."""
    root = e2e_home / "lab-root"
    root.mkdir()
    server = servers.start_jupyterlab(root, e2e_home / "lab-home")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def voila_server(browser, e2e_home):
    """One Voila server for the session, serving copies of every lesson notebook."""
    root = e2e_home / "voila-root"
    root.mkdir()
    for notebook in notebooks():
        shutil.copy2(notebook, root / notebook.name)
    server = servers.start_voila(root, e2e_home / "voila-home")
    yield server
    server.stop()


def new_page(browser):
    """A fresh browser context and page with bounded default waits; returns (context, page)."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.set_default_navigation_timeout(60_000)
    return context, page


def save_failure(page, label: str, extra: Path | None = None) -> Path:
    """Copy screenshots (``extra`` folder) and a full-page screenshot to test-artifacts; return the folder."""
    folder = ARTIFACTS / re.sub(r"[^\w.\-\[\]]+", "_", label)[:150]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    if extra is not None and extra.exists():
        for shot in sorted(extra.iterdir()):
            shutil.copy2(shot, folder / shot.name)
    if page is not None:
        try:
            page.screenshot(path=str(folder / "zz_full_page.png"), full_page=True, timeout=15_000)
        except Exception as exc:  # noqa: BLE001
            (folder / "zz_full_page.txt").write_text(f"screenshot failed: {exc}")
    return folder


class OpenNotebooks:
    """Keeps one notebook open (and run) at a time; a test asks for its notebook with :meth:`get`.

    Opening and running a notebook is the slow part, so all tests of one notebook share its page
    (the tests are ordered so that they are adjacent). A failure to open is remembered, so the other
    tests of that notebook fail at once with the same error instead of waiting again.
    """

    def __init__(self, kind: str, browser, open_page):
        self.kind, self.browser, self.open_page = kind, browser, open_page
        self.name: str | None = None
        self.context = self.page = None
        self.error: BaseException | None = None

    def get(self, notebook: str):
        """Return the page showing ``notebook`` with all its cells run."""
        if self.name != notebook:
            self.close()
            self.name = notebook
            self.context, self.page = new_page(self.browser)
            try:
                self.open_page(self.page, notebook)
            except BaseException as exc:
                folder = save_failure(self.page, f"{self.kind}-{notebook}-open")
                self.error = AssertionError(f"{self.kind}: could not open and run {notebook}: {exc}\n"
                                            f"screenshot: {folder}")
        if self.error is not None:
            raise self.error
        return self.page

    def close(self) -> None:
        if self.context is not None:
            try:
                self.context.close()
            except Exception:  # noqa: BLE001 - the browser may be gone already
                pass
        self.name, self.context, self.page, self.error = None, None, None, None


@pytest.fixture(scope="session")
def lab(browser, lab_server, e2e_home):
    """JupyterLab pages: ``lab.get("00_start_here.ipynb")`` is that notebook's copy, all cells run."""
    def open_page(page, notebook):
        folder = e2e_home / "lab-root" / "lessons"
        folder.mkdir(exist_ok=True)
        shutil.copy2(NOTEBOOK_DIR / notebook, folder / notebook)
        open_lab_notebook(page, lab_server.url(f"/lab/tree/lessons/{notebook}?reset"), folder / notebook)
        lab_run_all(page)
        settle_widgets(page)

    pages = OpenNotebooks("JupyterLab", browser, open_page)
    yield pages
    pages.close()
    servers.shutdown_sessions(lab_server, ".ipynb")


@pytest.fixture(scope="session")
def voila(browser, voila_server):
    """Voila pages: ``voila.get("00_start_here.ipynb")`` is that lesson as an app, fully executed."""
    def open_page(page, notebook):
        page.goto(voila_server.url(f"/voila/render/{notebook}"), wait_until="commit")
        # Voila streams the page while the kernel runs the cells; "#loading" goes when all have run.
        page.locator("#rendered_cells").wait_for(state="visible", timeout=180_000)
        page.locator("#loading").wait_for(state="hidden", timeout=30_000)
        settle_widgets(page)

    pages = OpenNotebooks("Voila", browser, open_page)
    yield pages
    pages.close()


@pytest.fixture
def page(browser):
    """A fresh page of its own for a test that does not share a notebook (closed afterwards)."""
    context, fresh = new_page(browser)
    yield fresh
    context.close()


@pytest.fixture
def shots(request, tmp_path) -> Shots:
    """Screenshots of this test; copied to test-artifacts/e2e/ if it fails (see the report hook)."""
    return Shots(tmp_path / "shots")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or "shots" not in getattr(item, "funcargs", {}):
        return
    page = None
    for name in ("lab", "voila"):
        holder = item.funcargs.get(name)
        if isinstance(holder, OpenNotebooks) and holder.page is not None:
            page = holder.page
    page = item.funcargs.get("page", page)
    folder = save_failure(page, item.nodeid.rsplit("/", 1)[-1].replace("::", "-"), item.funcargs["shots"].folder)
    report.sections.append(("e2e screenshots", f"what the student saw is in {folder}"))
    for name in ("lab_server", "voila_server"):
        server = item.funcargs.get(name)
        if server is not None:
            report.sections.append((f"{server.name} log", server.log_tail(3000)))


@pytest.fixture(scope="session")
def no_cjk_browser(browser, tmp_path_factory):
    """A second Chromium that sees only the system fonts without Chinese glyphs; yields (browser, their families)."""
    config, families = fonts.latin_only_fontconfig(tmp_path_factory.mktemp("latin-fonts"))
    chromium = browser.browser_type.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS, timeout=60_000,
                                           env={**os.environ, "FONTCONFIG_FILE": str(config)})
    yield chromium, families
    chromium.close()
