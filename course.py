"""Set up and run the crmlessons course with nothing but Python 3.10+.

Usage (the same on Windows, macOS and Linux; use ``python3`` where ``python`` is not found)::

    python course.py            # install (first time only) and open the course in JupyterLab
    python course.py --lang zh  # the same, in Chinese: the Chinese edition, JupyterLab's menus in Chinese
    python course.py test       # install (first time only) and run every test, on every core
    python course.py execute    # re-run every lesson notebook in place (for course authors)
    python course.py bench      # print the speed figures quoted in the README
    python course.py setup      # only install
    python course.py update     # only bring the lessons in your work folder up to the course's version
    python course.py project 04 # show lesson 04 as an app for the projector: code hidden, large text (--lang zh)
    python course.py review     # open the account-review app (--lang zh)
    python course.py class-results FOLDER  # the class's results from the students' results.json files

The first run creates ``.venv/`` next to this file and installs the exact versions pinned in
``uv.lock`` (with the installer ``uv``, itself pinned below), so every student has the same setup.
The lessons open from a copy in your own work folder (``--work DIR``, else ``$CRMLESSONS_WORK``, else
``~/crmlessons-work``), so your answers never change the course files and a course update never overwrites
them: each run brings new and updated lessons, and an edited lesson is kept with the new version beside it. JupyterLab gets the folder in ``$CRMLESSONS_WORK``, so what the widgets save lands there too.

An existing ``.venv/`` without pip (made by ``uv venv`` or ``uv sync``) is used as it is: pip is
bootstrapped with ``ensurepip``, or a ``uv`` found on PATH installs the pinned uv into it.
"""

from __future__ import annotations

import hashlib
import json
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


#: What ``copy_lessons`` delivered into a work folder: ``{"zh/04_success_funnel.ipynb": sha256 of that copy}``.
MANIFEST = Path(".crmlessons") / "copied.json"


def sha256(path: Path) -> str:
    """Return the SHA-256 of the file at ``path`` (hex)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def course_lessons() -> dict[str, Path]:
    """Return every lesson notebook of both editions: ``{path inside the work folder: course file}``."""
    lessons = {}
    for folder, prefix in ((ROOT / "notebooks", ""), (ROOT / "notebooks" / "zh", "zh/")):
        for notebook in sorted(folder.glob("*.ipynb")):
            lessons[prefix + notebook.name] = notebook
    return lessons


def read_manifest(work: Path) -> dict[str, str]:
    """Return the record of what was copied into ``work`` (empty for a folder filled by an older course.py)."""
    try:
        record = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in record.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(record, dict) else {}


def write_manifest(work: Path, record: dict[str, str]) -> None:
    """Write the record of what was copied, atomically (a half-written record would lose what it knew)."""
    target = work / MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, target)


def new_version_name(target: Path, course_file: Path) -> Path:
    """Return where the course's new version of an edited lesson goes, beside the student's own.

    The name carries the start of the new version's SHA-256, so it is the same on every machine and a later
    update gets a name of its own: ``04_success_funnel (new version 3f2a9c1b).ipynb``.
    """
    return target.with_name(f"{target.stem} (new version {sha256(course_file)[:8]}){target.suffix}")


def update_lesson(work: Path, name: str, course_file: Path, record: dict[str, str]) -> tuple[str, str]:
    """Bring one lesson of ``work`` up to the course's version; return ``(what happened, file name)``.

    A lesson the student never changed (its SHA-256 is the one recorded when it was copied; with no record,
    only a byte-for-byte copy of the course's file) is replaced; an edited one is kept and, if the course's
    version changed since it was copied, the new version is put beside it. Nothing the student wrote is
    overwritten.
    """
    target, new = work / name, sha256(course_file)
    if not target.exists():
        shutil.copy2(course_file, target)
        record[name] = new
        return "added", name
    current = sha256(target)
    if current == new:
        record[name] = new
        return "same", name
    if record.get(name) == current:
        shutil.copy2(course_file, target)
        record[name] = new
        return "updated", name
    if record.get(name) == new:  # the student's own work on a lesson the course has not changed since
        return "edited", name
    beside = new_version_name(target, course_file)
    if beside.exists() and sha256(beside) == new:
        return "kept before", name
    shutil.copy2(course_file, beside)
    return "kept", beside.relative_to(work).as_posix()


def copy_lessons(work: Path, lang: str = "en") -> list[tuple[str, str]]:
    """Copy both editions of each lesson into ``work`` (the Chinese ones into ``work/zh``), or update them.

    Run by every ``python course.py``, so the opening command brings course updates: a new lesson is added,
    a lesson the student never changed is replaced by the new version, an edited one is kept with the new
    version beside it (:func:`update_lesson`). The record of what was delivered is ``work/.crmlessons/copied.json``.
    Prints one line per added (in a folder that had lessons already), updated or kept file, in ``lang``; returns
    every ``(what happened, file)``.
    """
    (work / "zh").mkdir(parents=True, exist_ok=True)
    record = read_manifest(work)
    had_lessons = any((work / name).exists() for name in course_lessons())
    changes = [update_lesson(work, name, course_file, record) for name, course_file in course_lessons().items()]
    write_manifest(work, record)
    for what, name in changes:
        if what in ("updated", "kept") or (what == "added" and had_lessons):
            print(UPDATE_LINES[what][lang == "zh"].format(name=name), flush=True)
    return changes


#: One line per changed file, in English and Chinese.
UPDATE_LINES = {
    "added": ("New lesson: {name}", "新课程：{name}"),
    "updated": ("Updated to the course's new version: {name}", "已更新为课程的新版本：{name}"),
    "kept": ("You changed this lesson, so it is kept as it is; the course's new version is beside it: {name}",
             "你修改过这一课，所以原样保留；课程的新版本放在旁边：{name}"),
}


def update_course(args: list[str]) -> None:
    """``python course.py update [--work DIR] [--lang zh]``: only bring the work folder's lessons up to date."""
    work, lang = work_folder(args), language(args)
    changes = copy_lessons(work, lang)
    if not any(what in UPDATE_LINES for what, _ in changes):
        print(f"Your lessons in {work} are up to date." if lang == "en" else f"你在 {work} 中的课程已是最新版本。")


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
    copy_lessons(work, lang)
    print(f"Your lessons are in {work} (your own copies: edit freely)." if lang == "en" else
          f"你的课程在 {work}（这是你自己的副本，可以随意修改）。", flush=True)
    start = "00_start_here.ipynb" if lang == "en" else "zh/00_start_here.ipynb"
    lab = [python, "-m", "jupyter", "lab", f"--ServerApp.root_dir={work}", start]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and classroom VMs often run as root
        lab.append("--allow-root")
    env = dict(os.environ, **{WORK_ENV: str(work)}, **lab_settings(work, lang))
    subprocess.run([str(a) for a in lab], cwd=work, env=env)


#: The environment variable that tells the course's apps which language to speak (read by the account-review app).
LANG_ENV = "CRMLESSONS_LANG"
#: The account-review app (``python course.py review``): one notebook, its language from ``$CRMLESSONS_LANG``.
REVIEW_APP = ROOT / "notebooks" / "apps" / "account_review.ipynb"
#: Voila's own default port; ``--port N`` chooses another.
VOILA_PORT = 8866
#: The Voila template of projector mode: Voila's ``lab`` template with larger text (see projector_template).
PROJECTOR_TEMPLATE = "crmlessons-projector"
#: Large text for the back row: the lesson's prose, its tables, and the course widgets (``crm-widget``) with
#: their controls, which ipywidgets sizes with the ``--jp-widgets-*`` variables.
PROJECTOR_CSS = """\
/* crmlessons projector mode: text large enough for the back row */
:root {
  --jp-content-font-size1: 24px;
  --jp-ui-font-size1: 22px;
  --jp-code-font-size: 22px;
  --jp-widgets-font-size: 22px;
  --jp-widgets-inline-height: 40px;
  --jp-widgets-inline-label-width: 260px;
  --jp-widgets-inline-width: 420px;
  --jp-widgets-slider-handle-size: 22px;
}
body { font-size: 24px; }
#rendered_cells { padding: 0 2vw; }
.jp-RenderedHTMLCommon, .jp-RenderedMarkdown { font-size: 26px; line-height: 1.5; }
.jp-RenderedHTMLCommon h1 { font-size: 44px; }
.jp-RenderedHTMLCommon h2 { font-size: 36px; }
.jp-RenderedHTMLCommon h3 { font-size: 30px; }
.jp-RenderedHTMLCommon table, .jp-OutputArea-output pre { font-size: 22px; }
.crm-widget, .crm-widget .widget-label, .crm-widget .widget-html-content, .crm-widget .widget-readout,
.crm-widget .widget-button, .crm-widget .widget-dropdown select, .crm-widget .widget-radio-box label,
.crm-widget .widget-checkbox label, .crm-widget .widget-toggle-button, .crm-widget input,
.crm-feedback, .crm-exercise, .crm-solution { font-size: 22px; }
.crm-widget img { max-width: 100%; height: auto; }
"""


def projector_template(work: Path) -> Path:
    """Write the projector template into ``work`` and return the folder to put on ``$JUPYTER_PATH``.

    Voila 0.5 finds a template by name (``--template``) in ``<folder>/voila/templates/<name>`` of every
    Jupyter data folder; its ``conf.json`` names the template it builds on (without ``base_template`` a
    template builds on ``base`` and the page loses JupyterLab's styles). This one extends Voila's ``lab``
    template and adds :data:`PROJECTOR_CSS` after its styles. Written in the work folder, not the course's.
    """
    data = work / ".crmlessons" / "jupyter"
    folder = data / "voila" / "templates" / PROJECTOR_TEMPLATE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.json").write_text('{"base_template": "lab"}\n', encoding="utf-8")
    page = ("{%- extends 'lab/index.html.j2' -%}\n{%- block notebook_css -%}\n{{ super() }}\n"
            f'<style id="crmlessons-projector">\n{PROJECTOR_CSS}</style>\n{{%- endblock notebook_css -%}}\n')
    (folder / "index.html.j2").write_text(page, encoding="utf-8")
    return data


def option(args: list[str], name: str, default: str | None = None) -> str | None:
    """Return the value given after ``name`` in ``args`` (``--port 9000``), else ``default``."""
    if name not in args:
        return default
    i = args.index(name)
    if i + 1 >= len(args):
        sys.exit(f"{name} needs a value, for example: {name} 9000")
    return args[i + 1]


def voila_command(python: Path, notebook: Path, args: list[str], work: Path, projector: bool) -> tuple[list[str], dict]:
    """Return the command and the environment that serve ``notebook`` as a Voila app with the code hidden.

    ``args`` may hold ``--port N``, ``--no-browser`` (tests, remote machines), ``--lang`` and ``--work``. The app
    gets the work folder in ``$CRMLESSONS_WORK`` and the language in ``$CRMLESSONS_LANG``; in projector mode
    the large-text template. Voila itself has no root check (and refuses ``--allow-root``), so none is passed.
    """
    port = option(args, "--port", str(VOILA_PORT))
    if not port.isdigit():
        sys.exit(f"--port needs a whole number, for example: --port 9000; got {port!r}")
    command = [str(python), "-m", "voila", str(notebook), f"--port={port}", "--strip_sources=True",
               "--show_tracebacks=False"]
    if "--no-browser" in args:
        command.append("--no-browser")
    env = dict(os.environ, **{WORK_ENV: str(work), LANG_ENV: language(args)})
    if projector:
        data = projector_template(work)
        command.append(f"--template={PROJECTOR_TEMPLATE}")
        env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(data), os.environ.get("JUPYTER_PATH", "")) if p)
    return command, env


def open_app(python: Path, notebook: Path, args: list[str], projector: bool = False) -> None:
    """Serve ``notebook`` as a Voila app (code hidden) until Ctrl+C; the one launcher of ``review`` and ``project``."""
    work, lang = work_folder(args), language(args)
    work.mkdir(parents=True, exist_ok=True)
    if not notebook.exists():
        sys.exit(f"{notebook.relative_to(ROOT)} is not there yet." if lang == "en" else
                 f"{notebook.relative_to(ROOT)} 还不存在。")
    command, env = voila_command(python, notebook, args, work, projector)
    port = option(args, "--port", str(VOILA_PORT))
    print(f"Opening {notebook.name} at http://localhost:{port}/ (press Ctrl+C here to stop)." if lang == "en" else
          f"正在打开 {notebook.name}：http://localhost:{port}/（在这里按 Ctrl+C 停止）。", flush=True)
    subprocess.run(command, cwd=work, env=env)


def lesson_notebook(args: list[str]) -> Path:
    """Return the course's notebook of the lesson named first in ``args`` (``04`` or ``4``), in the ``--lang`` edition."""
    number = args[0] if args and not args[0].startswith("-") else ""
    folder = ROOT / "notebooks" / ("zh" if language(args) == "zh" else "")
    found = sorted(folder.glob(f"{number.zfill(2)}_*.ipynb")) if number.isdigit() else []
    if len(found) != 1:
        known = ", ".join(sorted(p.name[:2] for p in folder.glob("[0-9][0-9]_*.ipynb")))
        sys.exit(f"python course.py project needs a lesson number, one of {known}; got {number or 'none'!r}. "
                 "For example: python course.py project 04 --lang zh")
    return found[0]


#: ``python course.py test`` spreads the tests over the machine's cores (pytest-xdist). ``loadscope`` keeps a
#: notebook's cells (nbval) and a module's tests on one worker, in order; ``-n 0`` after ``test`` runs serially.
PARALLEL = ("-n", "auto", "--dist", "loadscope")

#: Commands that run a module of the package in the course environment, from the folder the command was typed
#: in (so relative paths mean what the user thinks): ``python course.py <name> [arguments]`` runs
#: ``python -m <module> [arguments]``. Each module's ``--help`` says what it takes.
MODULE_COMMANDS: dict[str, str] = {
    "class-results": "crmlessons.trainer.class_results",  # the class's quiz and exercise results
    "student-edition": "crmlessons.trainer.student_edition",  # the course without worked solutions, into OUT
    "answer-key": "crmlessons.trainer.answer_key",  # a data variant's answers, one printable page
    "session-plan": "crmlessons.trainer.session_plan",  # each lesson's 90- and 45-minute plan, printable
    "handouts": "crmlessons.trainer.handouts",  # each lesson's quiz sheet and its key, printable
}


def main(argv: list[str]) -> None:
    """Dispatch the sub-command named in ``argv``."""
    command = argv[0] if argv and not argv[0].startswith("-") else "open"
    rest = argv[1:] if command != "open" else argv
    commands = {"open", "setup", "test", "execute", "bench", "review", "project", "update", *MODULE_COMMANDS}
    if command not in commands:
        sys.exit(f"Unknown command {command!r}; expected one of: {', '.join(sorted(commands))}.")
    if command == "update":  # only copies files: needs no course environment
        return update_course(rest)
    python = setup()
    if command == "open":
        open_course(python, rest)
    elif command == "test":
        run(python, "-m", "pytest", *PARALLEL, *rest)
    elif command == "execute":
        # The work folder is the author's own, as for a student: the environment check in lesson 00 shows it, and a
        # committed output must not show a scratch path. Executing records no results (every answer is ``...``).
        run(python, str(ROOT / "scripts" / "execute_notebooks.py"), *rest)
    elif command == "review":
        open_app(python, REVIEW_APP, rest)
    elif command == "project":
        open_app(python, lesson_notebook(rest), rest, projector=True)
    elif command == "bench":
        run(python, str(ROOT / "scripts" / "benchmark.py"), *rest)
    else:
        sys.exit(subprocess.run([str(python), "-m", MODULE_COMMANDS[command], *rest]).returncode)


if __name__ == "__main__":
    main(sys.argv[1:])
