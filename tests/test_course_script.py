"""course.py: the cross-platform entry point of the README's two commands."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from crmlessons import workfolder

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
course = importlib.util.module_from_spec(spec)
spec.loader.exec_module(course)


def test_lessons_are_copied_into_the_work_folder_without_overwriting(tmp_path):
    course.copy_lessons(tmp_path)
    start = tmp_path / "00_start_here.ipynb"
    assert start.read_bytes() == (ROOT / "notebooks" / "00_start_here.ipynb").read_bytes()
    start.write_text("my answers", encoding="utf-8")
    course.copy_lessons(tmp_path)
    assert start.read_text(encoding="utf-8") == "my answers"


def test_work_folder_option(tmp_path, monkeypatch):
    monkeypatch.delenv(course.WORK_ENV, raising=False)
    assert course.work_folder(["--work", str(tmp_path)]) == tmp_path.resolve()
    assert course.work_folder([]) == Path.home() / "crmlessons-work"
    monkeypatch.setenv(course.WORK_ENV, str(tmp_path / "from_env"))
    assert course.work_folder([]) == (tmp_path / "from_env").resolve()
    assert course.work_folder(["--work", str(tmp_path / "given")]) == (tmp_path / "given").resolve()


def test_course_script_and_package_name_the_same_variable():
    assert course.WORK_ENV == workfolder.WORK_ENV == "CRMLESSONS_WORK"


def test_package_work_folder_reads_the_variable_first(tmp_path, monkeypatch):
    monkeypatch.setenv(workfolder.WORK_ENV, str(tmp_path / "group_7"))
    assert workfolder.work_folder(create=False) == tmp_path / "group_7"
    assert not (tmp_path / "group_7").exists()
    assert workfolder.work_folder().is_dir()
    monkeypatch.delenv(workfolder.WORK_ENV)
    assert workfolder.work_folder(create=False) == Path.home() / "crmlessons-work"


def test_jupyterlab_gets_the_work_folder_so_widgets_save_there(tmp_path, monkeypatch):
    launched, real_run = [], subprocess.run
    monkeypatch.setattr(course.subprocess, "run", lambda cmd, **kw: launched.append((cmd, kw)))
    monkeypatch.delenv(course.WORK_ENV, raising=False)
    work = tmp_path / "my work"
    course.open_course(Path(sys.executable), ["--work", str(work)])
    (cmd, options), = launched
    assert cmd[1:4] == ["-m", "jupyter", "lab"] and options["cwd"] == work.resolve()
    assert options["env"][course.WORK_ENV] == str(work.resolve())
    assert options["env"]["PATH"] == os.environ["PATH"]  # the rest of the environment is kept
    # A kernel started by that JupyterLab inherits its environment: the package then answers this folder.
    probe = "from crmlessons.workfolder import work_folder; print(work_folder(create=False))"
    shown = real_run([sys.executable, "-c", probe], env=options["env"], capture_output=True, text=True, check=True)
    assert Path(shown.stdout.strip()) == work.resolve()


def test_both_editions_are_copied_into_the_work_folder(tmp_path):
    course.copy_lessons(tmp_path)
    english = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert sorted(p.name for p in tmp_path.glob("*.ipynb")) == english
    assert sorted(p.name for p in (tmp_path / "zh").glob("*.ipynb")) == english
    assert not (tmp_path / "zh" / "text").exists()  # the Chinese prose sources are for authors, not students


def test_lang_zh_opens_the_chinese_edition_with_jupyterlab_in_chinese(tmp_path, monkeypatch):
    launched = []
    monkeypatch.setattr(course.subprocess, "run", lambda cmd, **kw: launched.append((cmd, kw)))
    work = tmp_path / "work"
    course.open_course(Path(sys.executable), ["--work", str(work), "--lang", "zh"])
    (cmd, options), = launched
    assert cmd[-2:] in (["zh/00_start_here.ipynb", "--allow-root"], [f"--ServerApp.root_dir={work.resolve()}",
                                                                     "zh/00_start_here.ipynb"])
    assert "zh/00_start_here.ipynb" in cmd and (work / "zh" / "00_start_here.ipynb").exists()
    settings = Path(options["env"]["JUPYTERLAB_SETTINGS_DIR"])
    plugin = settings / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    assert '"locale": "zh_CN"' in plugin.read_text(encoding="utf-8")
    assert settings.is_relative_to(work.resolve())


def test_english_stays_the_default_and_a_bad_language_is_named(tmp_path, monkeypatch):
    launched = []
    monkeypatch.setattr(course.subprocess, "run", lambda cmd, **kw: launched.append((cmd, kw)))
    course.open_course(Path(sys.executable), ["--work", str(tmp_path)])
    (cmd, options), = launched
    assert "00_start_here.ipynb" in cmd and "JUPYTERLAB_SETTINGS_DIR" not in options["env"]
    with pytest.raises(SystemExit, match="--lang needs en"):
        course.language(["--lang", "fr"])


def test_the_chinese_language_pack_is_installed_for_jupyterlab():
    from importlib.metadata import version

    assert version("jupyterlab-language-pack-zh-CN").startswith("4.")


def pipless_venv(path: Path) -> Path:
    """Make a venv without pip, as ``uv venv`` and ``uv sync`` do; return its Python."""
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(path)
    python = path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    assert not course.has_module(python, "pip") and course.has_module(python, "json")
    return python


def recorder(monkeypatch):
    calls = []
    monkeypatch.setattr(course, "run", lambda *args, env=None: calls.append([str(a) for a in args]))
    return calls


def test_setup_bootstraps_pip_in_a_venv_made_without_it(tmp_path, monkeypatch):
    monkeypatch.setattr(course, "VENV", tmp_path / ".venv")
    python = pipless_venv(tmp_path / ".venv")
    calls = recorder(monkeypatch)  # record the installs (network) instead of running them
    assert course.setup() == python
    assert course.has_module(python, "pip"), "ensurepip (offline) should have added pip to the venv"
    install, sync = calls
    assert install == [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                       f"uv=={course.UV_VERSION}"]
    assert sync[:5] == [str(python), "-m", "uv", "sync", "--locked"] and sync[-2:] == ["--python", str(python)]


def test_without_ensurepip_a_uv_on_path_installs_the_pinned_uv(monkeypatch):
    monkeypatch.setattr(course, "has_module", lambda python, module: False)
    monkeypatch.setattr(course, "bootstrap_pip", lambda python: False)
    monkeypatch.setattr(course.shutil, "which", lambda name: "/opt/uv/bin/uv" if name == "uv" else None)
    calls = recorder(monkeypatch)
    course.install_uv(Path("/course/.venv/bin/python"))
    assert calls == [["/opt/uv/bin/uv", "pip", "install", "--quiet", "--python", str(Path("/course/.venv/bin/python")),
                      f"uv=={course.UV_VERSION}"]]


def test_without_pip_ensurepip_or_uv_setup_says_what_to_do_in_one_line(monkeypatch):
    monkeypatch.setattr(course, "has_module", lambda python, module: False)
    monkeypatch.setattr(course, "bootstrap_pip", lambda python: False)
    monkeypatch.setattr(course.shutil, "which", lambda name: None)
    calls = recorder(monkeypatch)
    with pytest.raises(SystemExit) as stop:
        course.install_uv(Path("/course/.venv/bin/python"))
    message = str(stop.value.code)
    assert "no pip" in message and "install uv" in message and "python course.py" in message
    assert "\n" not in message and calls == []


def test_a_venv_with_pip_is_not_bootstrapped(monkeypatch):
    monkeypatch.setattr(course, "has_module", lambda python, module: module == "pip")
    monkeypatch.setattr(course, "bootstrap_pip", lambda python: pytest.fail("pip was there already"))
    calls = recorder(monkeypatch)
    course.install_uv(Path("py"))
    assert calls == [["py", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={course.UV_VERSION}"]]


def test_unknown_command_is_refused_with_the_list():
    result = subprocess.run([sys.executable, str(ROOT / "course.py"), "tset"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "Unknown command 'tset'" in result.stderr and "test" in result.stderr


def test_readme_quick_start_is_exactly_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["python course.py", "python course.py test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python course.py test" in ci


TRAINER_COMMANDS = ["student-edition", "answer-key", "session-plan", "handouts", "project", "review", "class-results",
                    "update"]


def test_every_trainer_command_is_in_the_readme_trainer_section_and_runs_its_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## For trainers"):readme.index("## For contributors")]
    for command in TRAINER_COMMANDS:
        assert f"`python course.py {command}" in section, f"README's trainer section does not show {command}"
    for command, module in course.MODULE_COMMANDS.items():
        assert command in TRAINER_COMMANDS, f"{command} is a course.py command the README's trainer table lacks"
        result = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0 and "usage" in result.stdout.lower(), (command, result.stderr[-500:])


def test_an_unknown_command_names_the_trainer_commands_too():
    result = subprocess.run([sys.executable, str(ROOT / "course.py"), "answerkey"], capture_output=True, text=True)
    assert result.returncode != 0
    assert all(command in result.stderr for command in TRAINER_COMMANDS)
