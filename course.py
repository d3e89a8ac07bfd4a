"""Set up and run the crmlessons course with nothing but Python 3.10+.

Usage (the same on Windows, macOS and Linux; use ``python3`` where ``python`` is not found)::

    python course.py            # install (first time only) and open the course in JupyterLab
    python course.py --lang zh  # the same, in Chinese: the Chinese edition, JupyterLab's menus in Chinese
    python course.py test       # install (first time only) and run every test, on every core
    python course.py execute    # re-run every lesson notebook in place (for course authors)
    python course.py bench      # print the speed figures quoted in the README
    python course.py setup      # only install

The first run creates ``.venv/`` next to this file and installs the exact versions pinned in
``uv.lock`` (with the installer ``uv``, itself pinned below), so every student has the same setup.
The lessons open from a copy in your own work folder (``--work DIR``, else ``$CRMLESSONS_WORK``, else
``~/crmlessons-work``), so your answers never change the course files and a course update never overwrites
them. JupyterLab gets the folder in ``$CRMLESSONS_WORK``, so what the widgets save lands there too.

An existing ``.venv/`` without pip (made by ``uv venv`` or ``uv sync``) is used as it is: pip is
bootstrapped with ``ensurepip``, or a ``uv`` found on PATH installs the pinned uv into it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
UV_VERSION = "0.13.9"
MIN_PYTHON = (3, 10)
#: The environment variable that tells crmlessons.workfolder.work_folder() where the student's files go.
WORK_ENV = "CRMLESSONS_WORK"
NO_PIP = (f"{VENV.name}/ has no pip, and neither ensurepip nor uv is here to add it: install uv "
          "(https://docs.astral.sh/uv/getting-started/installation/), then run python course.py again.")


def venv_python() -> Path:
    """Return the path of the course environment's Python interpreter."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(*args: object, env: dict | None = None) -> None:
    """Run a command from the course folder, stopping with its exit code if it fails."""
    result = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def has_module(python: Path, module: str) -> bool:
    """Return whether ``python`` can import ``module`` (without importing it)."""
    probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec(sys.argv[1]) is None)"
    return subprocess.run([str(python), "-c", probe, module], capture_output=True).returncode == 0


def bootstrap_pip(python: Path) -> bool:
    """Add pip to the environment of ``python`` with ``ensurepip`` (offline); return whether it worked."""
    print(f"{VENV.name}/ has no pip (made by uv?): adding it with ensurepip ...", flush=True)
    result = subprocess.run([str(python), "-m", "ensurepip", "--default-pip"], capture_output=True)
    return result.returncode == 0 and has_module(python, "pip")


def install_uv(python: Path) -> None:
    """Install the pinned uv into the environment of ``python``.

    A ``.venv`` made by ``uv venv`` or ``uv sync`` has no pip: it is bootstrapped with ``ensurepip``, or
    else a ``uv`` on PATH installs the pinned uv; if neither works, stop with one line saying what to do.
    """
    if not has_module(python, "pip") and not bootstrap_pip(python):
        uv = shutil.which("uv")
        if uv is None:
            sys.exit(NO_PIP)
        run(uv, "pip", "install", "--quiet", "--python", python, f"uv=={UV_VERSION}")
        return
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={UV_VERSION}")


def setup() -> Path:
    """Create ``.venv`` and install the locked environment into it; return its Python."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"crmlessons needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating the course environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    check = subprocess.run([str(python), "-m", "uv", "--version"], capture_output=True, text=True)
    if UV_VERSION not in check.stdout:
        install_uv(python)
    env = dict(os.environ, UV_COMPILE_BYTECODE="1", UV_PROJECT_ENVIRONMENT=str(VENV))
    env.pop("VIRTUAL_ENV", None)
    # --locked: install exactly uv.lock; --inexact: keep pip and uv themselves in the environment.
    run(python, "-m", "uv", "sync", "--locked", "--inexact", "--quiet", "--python", python, env=env)
    return python


def work_folder(args: list[str]) -> Path:
    """Return the student's work folder (``--work DIR``, else ``$CRMLESSONS_WORK``, else ``~/crmlessons-work``)."""
    if "--work" in args:
        i = args.index("--work")
        if i + 1 >= len(args):
            sys.exit("--work needs a folder, for example: python course.py --work my_crm_work")
        return Path(args[i + 1]).expanduser().resolve()
    if os.environ.get(WORK_ENV):
        return Path(os.environ[WORK_ENV]).expanduser().resolve()
    return Path.home() / "crmlessons-work"


def copy_lessons(work: Path) -> None:
    """Copy both editions of each lesson into ``work`` (the Chinese ones into ``work/zh``), unless already there."""
    for folder, target_folder in ((ROOT / "notebooks", work), (ROOT / "notebooks" / "zh", work / "zh")):
        target_folder.mkdir(parents=True, exist_ok=True)
        for notebook in sorted(folder.glob("*.ipynb")):
            target = target_folder / notebook.name
            if not target.exists():
                shutil.copy2(notebook, target)


def language(args: list[str]) -> str:
    """Return the course language chosen with ``--lang`` (``en``, the default, or ``zh``)."""
    if "--lang" not in args:
        return "en"
    i = args.index("--lang")
    choice = args[i + 1].lower() if i + 1 < len(args) else ""
    if choice not in ("en", "zh"):
        sys.exit("--lang needs en (English) or zh (简体中文), for example: python course.py --lang zh")
    return choice


def lab_settings(work: Path, lang: str) -> dict:
    """Return the environment that makes JupyterLab speak ``lang``: its own settings folder in the work folder.

    Chinese menus come from the official language pack (``jupyterlab-language-pack-zh-CN``, pinned in
    uv.lock): the setting ``@jupyterlab/translation-extension:plugin`` ``locale`` chooses it.
    """
    if lang != "zh":
        return {}
    settings = work / ".crmlessons" / "lab-settings-zh"
    plugin = settings / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    plugin.parent.mkdir(parents=True, exist_ok=True)
    plugin.write_text('{\n    "locale": "zh_CN"\n}\n', encoding="utf-8")
    return {"JUPYTERLAB_SETTINGS_DIR": str(settings)}


def open_course(python: Path, args: list[str]) -> None:
    """Open JupyterLab in the student's work folder at the start-here notebook of the chosen edition.

    The folder is passed on in ``$CRMLESSONS_WORK``, so the widgets save the student's files there too.
    """
    work = work_folder(args)
    lang = language(args)
    copy_lessons(work)
    print(f"Your lessons are in {work} (your own copies: edit freely)." if lang == "en" else
          f"你的课程在 {work}（这是你自己的副本，可以随意修改）。", flush=True)
    start = "00_start_here.ipynb" if lang == "en" else "zh/00_start_here.ipynb"
    lab = [python, "-m", "jupyter", "lab", f"--ServerApp.root_dir={work}", start]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and classroom VMs often run as root
        lab.append("--allow-root")
    env = dict(os.environ, **{WORK_ENV: str(work)}, **lab_settings(work, lang))
    subprocess.run([str(a) for a in lab], cwd=work, env=env)


#: ``python course.py test`` spreads the tests over the machine's cores (pytest-xdist). ``loadscope`` keeps a
#: notebook's cells (nbval) and a module's tests on one worker, in order; ``-n 0`` after ``test`` runs serially.
PARALLEL = ("-n", "auto", "--dist", "loadscope")


def main(argv: list[str]) -> None:
    """Dispatch the sub-command named in ``argv``."""
    command = argv[0] if argv and not argv[0].startswith("-") else "open"
    rest = argv[1:] if command != "open" else argv
    commands = {"open", "setup", "test", "execute", "bench"}
    if command not in commands:
        sys.exit(f"Unknown command {command!r}; expected one of: {', '.join(sorted(commands))}.")
    python = setup()
    if command == "open":
        open_course(python, rest)
    elif command == "test":
        run(python, "-m", "pytest", *PARALLEL, *rest)
    elif command == "execute":
        run(python, str(ROOT / "scripts" / "execute_notebooks.py"), *rest)
    elif command == "bench":
        run(python, str(ROOT / "scripts" / "benchmark.py"), *rest)


if __name__ == "__main__":
    main(sys.argv[1:])
