"""The feedback engine's package holds together: modules import each other in one
direction, patterns only name word sets their module can see, every rule has a unique id,
and importing the engine stays cheap."""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

from ally.practice import feedback
from ally.practice.feedback.findings import _FUNCTION_RULES
from ally.practice.feedback.phrases import _SUB_PATTERNS, Phrases, _parse, _pattern_lines
from ally.practice.feedback.words import _split_words

from conftest import python_env

PACKAGE = "ally.practice.feedback"
SOURCE = Path(feedback.__file__).parent
NAMES = sorted(m.name for m in pkgutil.iter_modules(feedback.__path__))
CASES = Path(__file__).parent


def _module(name: str) -> types.ModuleType:
    return importlib.import_module(f"{PACKAGE}.{name}")


def _tree(name: str) -> ast.Module:
    return ast.parse((SOURCE / f"{name}.py").read_text("utf-8"))


def _imports(name: str) -> set[str]:
    """The package modules that module ``name`` imports."""
    found = set()
    for node in ast.walk(_tree(name)):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level:
                raise AssertionError(f"{name}.py: use absolute imports")
            if node.module.startswith(f"{PACKAGE}."):
                found.add(node.module.removeprefix(f"{PACKAGE}."))
            elif node.module == PACKAGE:
                found.update(alias.name for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    return {name: _imports(name) for name in [*NAMES, "__init__"]}


def _reachable(name: str, graph: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [name]
    while todo:
        for other in graph[todo.pop()]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


# ------------------------------------------------------------------- imports


def test_the_modules_import_each_other_without_a_cycle() -> None:
    graph = _graph()
    for name in NAMES:
        assert name not in _reachable(name, graph), f"{name}.py imports itself through others"
        # a module that imported the package itself would go through __init__, which
        # imports every module: a cycle in disguise
        assert "__init__" not in graph[name]
        assert not (set(graph[name]) - set(NAMES)), f"{name}.py imports no such module"


def test_modules_import_at_the_top_only() -> None:
    for name in [*NAMES, "__init__"]:
        tree = _tree(name)
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                assert id(node) in top, f"{name}.py:{node.lineno}: import inside a block"


def test_the_layout_in_the_package_docstring_lists_each_module_after_what_it_imports() -> None:
    layout = re.findall(r"^- ``(\w+)``", feedback.__doc__ or "", re.M)
    assert sorted(layout) == NAMES
    graph = _graph()
    for position, name in enumerate(layout):
        assert graph[name] <= set(layout[:position]), f"{name} comes before what it imports"


def test_combine_is_the_only_module_that_imports_every_family() -> None:
    families = {
        "questions",
        "reflection",
        "validation",
        "advice",
        "information",
        "disclosure",
        "pitfalls",
        "safety",
    }
    graph = _graph()
    assert families <= _reachable("combine", graph)
    assert all(not families <= _reachable(name, graph) for name in NAMES if name != "combine")


def _definitions(name: str) -> set[str]:
    """The word sets ("@x") and sub-patterns ("!:x") that module ``name`` names."""
    found = set()
    for node in ast.walk(_tree(name)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            kind = {"_words": "@", "_predicate": "@", "_sub": "!:"}.get(node.func.id)
            first = node.args[0] if node.args else None
            if kind and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(kind + first.value)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "_PREDICATES":
            assert isinstance(node.value, ast.Dict)
            found.update(
                f"@{key.value}" for key in node.value.keys if isinstance(key, ast.Constant)
            )
    return found


def _references(name: str) -> set[str]:
    """The word sets and sub-patterns that the patterns in module ``name`` refer to."""
    tree = _tree(name)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    found = set()
    for node in ast.walk(tree):
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(text, str) and id(node) not in docstrings:
            found.update("@" + m for m in re.findall(r"@([a-z_]+)", text))
            found.update("!:" + m for m in re.findall(r"!:([a-z_]+)", text))
    return found


def test_patterns_name_only_word_sets_their_module_can_see() -> None:
    # Word sets live in one registry, filled as modules are imported; a pattern that named
    # a set from a module its own module does not import would work or fail by import order.
    graph = _graph()
    for name in NAMES:
        visible = _definitions(name)
        for other in _reachable(name, graph):
            visible |= _definitions(other)
        missing = _references(name) - visible
        assert not missing, f"{name}.py uses {sorted(missing)} from a module it does not import"


# ------------------------------------------------------------------- rule ids


def _all_phrases() -> list[Phrases]:
    """Every pattern set in the engine, once each (modules import each other's sets)."""
    found = {
        id(value): value
        for name in NAMES
        for value in vars(_module(name)).values()
        if isinstance(value, Phrases)
    }
    found.update((id(value), value) for value in _SUB_PATTERNS.values())
    return list(found.values())


def _rule_ids() -> list[str]:
    return [*_FUNCTION_RULES, *(i for p in _all_phrases() for i in p.rule_ids())]


def test_every_rule_id_is_unique() -> None:
    ids = _rule_ids()
    assert len(ids) > 700
    duplicates = sorted(i for i in set(ids) if ids.count(i) > 1)
    assert not duplicates


def test_rule_ids_name_the_module_that_holds_the_rule() -> None:
    for name in set(NAMES) - {"phrases"}:  # phrases.py names the sub-patterns "sub.NAME"
        for node in ast.walk(_tree(name)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Phrases":
                first = node.args[0]
                assert isinstance(first, ast.Constant) and isinstance(first.value, str)
                assert first.value.split(".")[0] == name, f"{name}.py: {first.value}"
    for phrases in _SUB_PATTERNS.values():
        assert phrases.name.startswith("sub.")
    for rule in _FUNCTION_RULES:
        module, _, rest = rule.partition(".")
        assert module in NAMES and rest and ":" not in rest, rule


def test_every_finding_names_a_known_rule_or_the_model() -> None:
    known = {*_rule_ids(), "model"}
    replies = [
        (case["reply"], case.get("context", ""))
        for path in (CASES / "cases" / "skills_own.toml", CASES / "pitfall_cases.toml")
        if path.exists()
        for case in tomllib.loads(path.read_text("utf-8"))["case"]
    ]
    assert len(replies) > 150
    for reply, context in replies:
        result = feedback.analyse(reply, context)
        for finding in (*result.skills, *result.pitfalls, *result.safety):
            assert finding.source in known, (reply, finding)


# ------------------------------------------------------------------- patterns


@pytest.mark.parametrize("phrases", _all_phrases(), ids=lambda p: p.name)
def test_every_pattern_parses_and_is_written_in_spelled_out_words(phrases: Phrases) -> None:
    for line in _pattern_lines(phrases._text):
        _parse(line)  # unknown @sets or !:names raise here
        for item in line.split():
            if item.startswith("!:"):
                continue
            item = item.lstrip("!<").rstrip("?*")
            if item.startswith(("@", "_")) or item in {"^", "$", ""}:
                continue
            for choice in item.split("|"):
                for word in choice.split("+"):
                    if word.startswith("@") or word == "'s":
                        continue
                    # the tokenizer would leave it as it is (no "don't", no capitals)
                    assert _split_words(word)[0] == [word], (word, line)


@pytest.mark.parametrize("phrases", _all_phrases(), ids=lambda p: p.name)
def test_a_wrapped_pattern_line_is_continued_with_a_bar(phrases: Phrases) -> None:
    # A pattern goes on to the next line only when its line ends with "|"; an indented line
    # after one that does not would silently become a pattern of its own.
    lines = [raw for raw in phrases._text.splitlines() if raw.strip()]
    lines = [raw for raw in lines if not raw.strip().startswith("#")]
    if not lines:
        return
    margin = len(lines[0]) - len(lines[0].lstrip())
    for before, raw in itertools.pairwise(lines):
        if len(raw) - len(raw.lstrip()) > margin:
            assert before.rstrip().endswith("|"), (before.strip(), raw.strip())


# ------------------------------------------------------------------- cost


def _fresh(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_patterns_are_parsed_on_first_use_not_at_import() -> None:
    code = (
        "import sys, ally.practice.feedback as f; "
        f"modules = [m for n, m in sys.modules.items() if n.startswith('{PACKAGE}')]; "
        "print(len(modules), sum(v._by_word is not None for m in modules "
        "for v in vars(m).values() if isinstance(v, f.Phrases)))"
    )
    modules, parsed = _fresh(code).split()
    assert int(modules) == len(NAMES) + 1
    assert parsed == "0"


def test_the_engine_loads_no_user_interface_code() -> None:
    code = f"import sys, {PACKAGE}; print(sorted({{'typer', 'rich'}} & set(sys.modules)))"
    assert _fresh(code) == "[]"


def test_a_cheap_command_does_not_load_the_engine(ally_home: Path) -> None:
    code = (
        "import sys; sys.argv = ['ally', 'tips']; from ally.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"sys.stderr.write('ENGINE ' + str('{PACKAGE}' in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=python_env(ally_home, ALLY_COUNTRY="GB"),
        check=False,
    )
    assert done.stderr.strip().endswith("ENGINE False"), done.stderr
