"""`ally completion bash|zsh|fish`: a script that completes ally's commands in the shell.

The script is generated from the commands themselves (every command, option
and choice) and from ally's content (scenario and tip ids, categories,
country codes, time zones), and written out as plain shell: pressing Tab
never starts ally. Regenerate it after upgrading ally (loading it with
`eval "$(ally completion bash)"` in a start-up file does that every time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import typer

app = typer.Typer()


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@dataclass
class Spec:
    """What can follow each command path ("" is `ally` itself, "remind add" a subcommand)."""

    commands: dict[str, list[str]] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)
    # (path, option) -> the values it takes; an option with no list takes free text.
    values: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    takes_value: dict[str, list[str]] = field(default_factory=dict)
    # (path, option) that take a file name.
    files: set[tuple[str, str]] = field(default_factory=set)
    # path -> values for its first positional argument.
    positional: dict[str, list[str]] = field(default_factory=dict)


@app.command()
def completion(
    shell: Shell = typer.Argument(..., metavar="SHELL", help="bash, zsh or fish."),
) -> None:
    """Print a shell completion script (bash, zsh or fish).

    It completes commands, options, scenario and tip ids, categories, country
    codes and time zones. Load it in your start-up file (it is regenerated
    each time), or save it once:

      eval "$(ally completion bash)"                   # in ~/.bashrc
      eval "$(ally completion zsh)"                    # in ~/.zshrc
      ally completion fish | source                    # in ~/.config/fish/config.fish
      ally completion fish > ~/.config/fish/completions/ally.fish

    Example: ally completion bash > ~/.local/share/bash-completion/completions/ally
    """
    spec = build_spec()
    if shell is Shell.fish:
        text = fish_script(spec)
    else:
        text = bash_script(spec)
        if shell is Shell.zsh:
            text = ZSH_PRELUDE + text
    typer.echo(text, nl=False)


def build_spec() -> Spec:
    """Walk ally's command tree (loading every command) and collect what completes where."""
    import typer.main
    from typer._click.core import Context

    from ally.cli import app as root_app

    root = typer.main.get_command(root_app)
    spec = Spec()
    _walk(root, "", Context(root), spec)
    return spec


def _walk(command: Any, path: str, ctx: Any, spec: Spec) -> None:
    options: list[str] = []
    taking: list[str] = []
    for param in command.params:
        choices = [str(c) for c in getattr(param.type, "choices", None) or ()]
        if param.param_type_name == "option":
            names = [*param.opts, *param.secondary_opts]
            options += names
            if param.is_flag or param.count:
                continue
            taking += param.opts
            for name in param.opts:
                if choices:
                    spec.values[(path, name)] = choices
                elif getattr(param.type, "name", "") == "path":
                    spec.files.add((path, name))
                else:
                    found = _known_values(path, param.name or "")
                    if found:
                        spec.values[(path, name)] = found
        elif param.param_type_name == "argument" and path not in spec.positional:
            if choices:
                spec.positional[path] = choices
            else:
                found = _known_values(path, param.name or "")
                if found:
                    spec.positional[path] = found
    spec.options[path] = [*options, "--help", "-h"]
    spec.takes_value[path] = taking
    names = command.list_commands(ctx) if hasattr(command, "list_commands") else []
    spec.commands[path] = list(names)
    for name in names:
        sub = command.get_command(ctx, name)
        if sub is not None and not getattr(sub, "hidden", False):
            _walk(sub, f"{path} {name}".strip(), ctx, spec)


def _known_values(path: str, name: str) -> list[str]:
    """Values from ally's content for parameters that name one of its things."""
    if name == "country":
        from ally.countries import NAMES

        return sorted(NAMES)
    if name == "scenario":
        from ally.content.scenarios import load_scenarios

        return [s.id for s in load_scenarios()]
    if name == "tip_id":
        from ally.content.tips import load_tips

        return [t.id for t in load_tips().tips]
    if name == "category" and path.startswith("tips"):
        from ally.content.tips import load_tips

        return [c.id for c in load_tips().categories]
    if name == "tz":
        from zoneinfo import available_timezones

        return sorted(z for z in available_timezones() if "/" in z or z == "UTC")
    if name == "key" and path.startswith("config"):
        from ally.config import KEYS

        return sorted(KEYS)
    return []


# The shells. Words are ids, options and zone names: none needs quoting, and the
# generator checks that, so a content file cannot put shell syntax into the script.


def _words(values: list[str]) -> str:
    for value in values:
        if not value or any(c in value for c in " \t\n'\"\\$`|;&<>()*?[]{}!#~"):
            raise ValueError(f"{value!r} cannot go into a completion script")
    return " ".join(values)


def _case(pairs: list[tuple[str, str]], indent: str = "        ") -> str:
    return "\n".join(f'{indent}"{key}") {body} ;;' for key, body in pairs)


ZSH_PRELUDE = """\
# ally: zsh completion, through zsh's own support for bash completion scripts.
(( $+functions[compdef] )) || { autoload -Uz compinit && compinit; }
autoload -U +X bashcompinit && bashcompinit
"""


def bash_script(spec: Spec) -> str:
    """The bash script (zsh loads it through bashcompinit). Bash 3.2 and later."""
    commands = sorted(
        f"{path}|{name}" if path else f"|{name}"
        for path, names in spec.commands.items()
        for name in names
    )
    taking = sorted(f"{path}|{name}" for path, names in spec.takes_value.items() for name in names)
    value_cases = []
    for (path, name), values in sorted(spec.values.items()):
        if name == "--country":
            lower = [v.lower() for v in values]
            body = (
                f'if [[ "$cur" == [a-z]* ]]; then _ally_reply "{_words(lower)}"; '
                f'else _ally_reply "{_words(values)}"; fi'
            )
        else:
            body = f'_ally_reply "{_words(values)}"'
        value_cases.append((f"{path}|{name}", body))
    for path, name in sorted(spec.files):
        value_cases.append((f"{path}|{name}", 'COMPREPLY=($(compgen -f -- "$cur"))'))
    option_cases = [
        (path, f'echo "{_words(names)}"') for path, names in sorted(spec.options.items())
    ]
    command_cases = [
        (path, f'echo "{_words(names)}"') for path, names in sorted(spec.commands.items()) if names
    ]
    positional_cases = [
        (path, f'echo "{_words(values)}"') for path, values in sorted(spec.positional.items())
    ]
    return f"""\
# ally: shell completion (generated by `ally completion`; regenerate after upgrading ally).
_ally_reply() {{
    COMPREPLY=($(compgen -W "$1" -- "$cur"))
}}

_ally_is_command() {{
    case "$1|$2" in
        {"|".join(f'"{c}"' for c in commands)}) return 0 ;;
    esac
    return 1
}}

_ally_takes_value() {{
    case "$1|$2" in
        {"|".join(f'"{t}"' for t in taking) or '"-"'}) return 0 ;;
    esac
    return 1
}}

_ally_values() {{
    case "$1|$2" in
{_case(value_cases)}
        *) COMPREPLY=() ;;
    esac
}}

_ally_options() {{
    case "$1" in
{_case(option_cases)}
    esac
}}

_ally_subcommands() {{
    case "$1" in
{_case(command_cases)}
    esac
}}

_ally_positional() {{
    case "$1" in
{_case(positional_cases)}
    esac
}}

_ally_completion() {{
    # Slices, not indexes: the same in bash and in zsh (whose arrays start at 1).
    local cur word path="" expect="" given=0 i
    cur="${{COMP_WORDS[@]:$COMP_CWORD:1}}"
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${{COMP_WORDS[@]:$i:1}}"
        if [[ -n "$expect" ]]; then
            [[ "$word" == "=" ]] || expect=""
            continue
        fi
        case "$word" in
            -*=*) continue ;;
            -*) _ally_takes_value "$path" "$word" && expect="$word"; continue ;;
        esac
        if [[ $given -eq 0 ]] && _ally_is_command "$path" "$word"; then
            path="${{path:+$path }}$word"
        else
            given=$((given + 1))
        fi
    done
    if [[ -n "$expect" ]]; then
        _ally_values "$path" "$expect"
        return 0
    fi
    if [[ "$cur" == -* ]]; then
        _ally_reply "$(_ally_options "$path")"
        return 0
    fi
    local words
    words="$(_ally_subcommands "$path")"
    if [[ $given -eq 0 ]]; then
        words="$words $(_ally_positional "$path")"
    fi
    _ally_reply "$words"
    return 0
}}

complete -F _ally_completion ally
"""


def fish_script(spec: Spec) -> str:
    """The fish script: one function that walks the words so far and prints the candidates."""

    def switch(cases: list[tuple[str, str]], indent: str) -> str:
        return "\n".join(f"{indent}case '{key}'\n{indent}    {body}" for key, body in cases)

    commands = [
        (f"{path}|{name}", "return 0") for path, names in spec.commands.items() for name in names
    ]
    taking = [
        (f"{path}|{name}", "return 0") for path, names in spec.takes_value.items() for name in names
    ]
    values = []
    for (path, name), found in sorted(spec.values.items()):
        if name == "--country":
            body = (
                f"if string match -qr '^[a-z]' -- $cur; "
                f"string lower {_words(found)}; else; printf '%s\\n' {_words(found)}; end"
            )
        else:
            body = f"printf '%s\\n' {_words(found)}"
        values.append((f"{path}|{name}", body))
    for path, name in sorted(spec.files):
        values.append((f"{path}|{name}", "__fish_complete_path $cur"))
    options = [
        (path, f"printf '%s\\n' {_words(names)}") for path, names in sorted(spec.options.items())
    ]
    subcommands = [
        (path, f"printf '%s\\n' {_words(names)}")
        for path, names in sorted(spec.commands.items())
        if names
    ]
    positional = [
        (path, f"printf '%s\\n' {_words(found)}") for path, found in sorted(spec.positional.items())
    ]
    return f"""\
# ally: shell completion (generated by `ally completion`; regenerate after upgrading ally).
function __ally_is_command
    switch "$argv[1]|$argv[2]"
{switch(commands, "        ")}
    end
    return 1
end

function __ally_takes_value
    switch "$argv[1]|$argv[2]"
{switch(taking, "        ")}
    end
    return 1
end

function __ally_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l path ""
    set -l expect ""
    set -l given 0
    for word in $words[2..-1]
        if test -n "$expect"
            set expect ""
            continue
        end
        if string match -q -- '-*=*' $word
            continue
        else if string match -q -- '-*' $word
            if __ally_takes_value "$path" $word
                set expect $word
            end
            continue
        end
        if test $given -eq 0; and __ally_is_command "$path" $word
            set path (string trim -- "$path $word")
        else
            set given (math $given + 1)
        end
    end
    if test -n "$expect"
        switch "$path|$expect"
{switch(values, "            ")}
        end
        return 0
    end
    if string match -q -- '-*' $cur
        switch "$path"
{switch(options, "            ")}
        end
        return 0
    end
    switch "$path"
{switch(subcommands, "        ")}
    end
    if test $given -eq 0
        switch "$path"
{switch(positional, "            ")}
        end
    end
end

complete -c ally -f -a '(__ally_complete)'
"""
