"""`ally completion`: scripts that real shells load and answer from.

Each script is sourced in the real shell and asked for completions the way
the shell asks when Tab is pressed (bash: the function with COMP_WORDS;
zsh: the same through bashcompinit; fish: `complete -C`).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ally.cli import COMMANDS

from conftest import invoke

# (words typed so far, the last one being completed) -> words that must be offered
CASES: list[tuple[tuple[str, ...], set[str]]] = [
    (("",), set(COMMANDS) | {"completion"}),
    (("re",), {"resources", "remind"}),
    (("remind", ""), {"add", "list", "due", "done", "snooze", "export", "import", "hook"}),
    (("remind", "add", "--"), {"--at", "--every", "--about", "--tz", "--dry-run", "--help"}),
    (("remind", "add", "Call Mum", "--at", "tomorrow", "--ev"), {"--every"}),
    (("resources", "--country", "G"), {"GB", "GR", "GH"}),
    (("crisis", "--country", "i"), {"ie", "in"}),
    (("practice", "--scenario", "flat"), {"flatmate-low-mood"}),
    (("practice", "--difficulty", ""), {"gentle", "moderate", "hard"}),
    (("practice", ""), {"check"}),
    (("tips", "show", "listen"), {"listen-actively"}),
    (("tips", "--category", "cri"), {"crisis"}),
    (("remind", "hook", ""), {"bash", "zsh", "fish", "systemd", "cron"}),
    (("remind", "export", "--format", ""), {"ics", "json"}),
    (("remind", "add", "x", "--tz", "Europe/Lo"), {"Europe/London"}),
    (("config", "set", ""), {"country", "region"}),
    (("completion", ""), {"bash", "zsh", "fish"}),
]
# ... and words that must not be offered there.
NOT_OFFERED: list[tuple[tuple[str, ...], set[str]]] = [
    (("re",), {"tips", "crisis"}),
    (("remind", "add", "Call Mum", ""), {"add", "list"}),  # TEXT given: no subcommands
    (("tips", "show", "listen-actively", ""), {"listen-actively"}),
    (("remind", "add", "--at", ""), {"add", "--every"}),  # --at takes free text
]


def script(shell: str) -> str:
    result = invoke("completion", shell)
    assert result.exit_code == 0, result.stderr
    return result.stdout


BASH_ASK = """
source "$1"
shift
COMP_WORDS=(ally "$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMPREPLY=()
_ally_completion
printf '%s\\n' "${COMPREPLY[@]}"
"""

# bashcompinit's compgen leaves matching the prefix to zsh's completion system,
# so the harness does that matching, as zsh would.
ZSH_ASK = """
source "$1"
shift
COMP_WORDS=(ally "$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMPREPLY=()
_ally_completion
for word in "${COMPREPLY[@]}"; do
    [[ "$word" == "${@[-1]}"* ]] && print -r -- "$word"
done
true
"""


def offered(shell: str, path: Path, words: tuple[str, ...]) -> set[str]:
    if shell == "fish":
        line = " ".join(["ally", *(f"'{w}'" if " " in w else w for w in words)])
        argv = ["fish", "--no-config", "-c", f'source {path}; complete -C "{line}"']
    else:
        argv = [shell, "-c", BASH_ASK if shell == "bash" else ZSH_ASK, shell, str(path), *words]
    run = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "", run.stderr
    return {line.split("\t")[0] for line in run.stdout.splitlines() if line}


def shells() -> list[str]:
    found = ["bash"]  # required: the tests run it everywhere
    found += [s for s in ("zsh", "fish") if shutil.which(s)]
    return found


@pytest.fixture(params=shells())
def loaded(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    shell: str = request.param
    path = tmp_path / f"ally.{shell}"
    path.write_text(script(shell))
    return shell, path


@pytest.mark.parametrize(("words", "expected"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_the_shell_offers_these(
    loaded: tuple[str, Path], words: tuple[str, ...], expected: set[str]
) -> None:
    shell, path = loaded
    if shell == "fish" and words[-1] == "" and words[:-1] == ("remind", "add", "--at"):
        pytest.skip("fish offers files for free text")
    found = offered(shell, path, words)
    assert expected <= found, sorted(expected - found)


@pytest.mark.parametrize(("words", "unexpected"), NOT_OFFERED)
def test_the_shell_does_not_offer_these(
    loaded: tuple[str, Path], words: tuple[str, ...], unexpected: set[str]
) -> None:
    shell, path = loaded
    assert not unexpected & offered(shell, path, words)


def test_bash_registers_the_completion(tmp_path: Path) -> None:
    path = tmp_path / "ally.bash"
    path.write_text(script("bash"))
    run = subprocess.run(
        ["bash", "-c", f"source {path}; complete -p ally"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stdout.strip() == "complete -F _ally_completion ally"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_script_is_valid_for_its_shell(shell: str, tmp_path: Path) -> None:
    if not shutil.which(shell):
        pytest.skip(f"{shell} is not installed")
    path = tmp_path / "ally.sh"
    path.write_text(script(shell))
    assert subprocess.run([shell, "-n", str(path)], check=False).returncode == 0


def test_an_unknown_shell_is_a_usage_error() -> None:
    result = invoke("completion", "tcsh")
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")


def test_content_cannot_put_shell_syntax_into_the_script() -> None:
    from ally.cli.completion import _words

    assert _words(["listen-actively", "Europe/London"]) == "listen-actively Europe/London"
    for bad in ("x; rm -rf ~", "$(reboot)", "a b", "`id`", ""):
        with pytest.raises(ValueError):
            _words([bad])
