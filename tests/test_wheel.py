"""The package builds as a normal wheel that carries its content and works from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ally import __version__

from conftest import REPO

DATA = ("tips.toml", "resources.toml", "crisis.toml")


def uv() -> str:
    found = os.environ.get("UV") or shutil.which("uv")
    assert found, "uv is needed to build the wheel (the README's setup installs it)"
    return found


def run(*argv: str) -> None:
    proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"{' '.join(argv)} failed:\n{proc.stderr}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(uv(), "build", "--wheel", "--out-dir", str(out), str(REPO))
    (built,) = out.glob("ally-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    venv = tmp_path_factory.mktemp("venv")
    run(uv(), "venv", "--quiet", str(venv))
    run(uv(), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), str(wheel))
    yield venv / "bin" / "ally"


def test_the_wheel_carries_the_content_files(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for name in DATA:
        assert f"ally/data/{name}" in names
    # one file per practice scenario, every one of them
    scenarios = sorted(p.name for p in (REPO / "data" / "scenarios").glob("*.toml"))
    assert len(scenarios) >= 30
    for name in scenarios:
        assert f"ally/data/scenarios/{name}" in names
    assert not [n for n in names if "/corpus/" in n], "the labelled corpus stays out of the wheel"
    assert wheel.name.startswith(f"ally-{__version__}-")


def test_the_installed_command_works_from_any_folder(installed: Path, tmp_path: Path) -> None:
    env = {"PATH": os.environ["PATH"], "ALLY_HOME": str(tmp_path / "home"), "HOME": str(tmp_path)}
    tips = subprocess.run(
        [str(installed), "tips"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert tips.returncode == 0, tips.stderr
    assert "listen-actively" in tips.stdout
    crisis = subprocess.run(
        [str(installed), "crisis", "--country", "GB"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert crisis.returncode == 0, crisis.stderr
    assert "999" in crisis.stdout
    version = subprocess.run([str(installed), "--version"], env=env, capture_output=True, text=True)
    assert version.stdout.strip() == f"ally {__version__}"


def test_reminders_and_practice_work_from_the_installed_wheel(
    installed: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = {"PATH": os.environ["PATH"], "ALLY_HOME": str(home), "HOME": str(tmp_path), "TZ": "UTC"}

    def ally(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(installed), *args],
            cwd=tmp_path,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
        )

    added = ally("remind", "add", "Check in with Sam", "--at", "in 2 days", "--every", "week")
    assert added.returncode == 0, added.stderr
    assert "Check in with Sam" in ally("remind", "list").stdout
    assert (home / "ally.sqlite3").stat().st_mode & 0o777 == 0o600

    listed = ally("practice", "--list")
    assert listed.returncode == 0, listed.stderr
    assert "grandad-putting-affairs-in-order" in listed.stdout
    talked = ally("practice", "--scenario", "flatmate-low-mood", stdin="What's been going on?\n")
    assert talked.returncode == 0, talked.stderr
    assert "How it went" in talked.stdout

    checked = ally("practice", "check", "--jsonl", stdin='{"id": 1, "text": "What happened?"}\n')
    assert checked.returncode == 0, checked.stderr
    assert '"open_question"' in checked.stdout
