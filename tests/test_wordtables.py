"""Every kind of word the code asks a word table for is in that table's data file.

``has("negation", w)`` with a kind the file does not have raises ``UnknownKindError`` at run time; this
test finds such a kind before any text reaches it. It reads the package source (AST): each call of a
table accessor with a literal kind, a kind looped over from a literal tuple, or a kind passed on through
a helper's parameter (``_has_case(tok, "agent_case")``), and checks the kind against the table the
module's folder uses. A kind it cannot read statically fails the test, so that none goes unchecked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest

from wirecoder.clauses import lexicon as quote_lexicon
from wirecoder.core.text import strip_accents_lower
from wirecoder.core.wordtable import UnknownKindError, WordTable
from wirecoder.errors import ConfigError
from wirecoder.events import lexicon as event_lexicon
from wirecoder.langdata import function_words, word_table
from wirecoder.places.mentions import place_words
from wirecoder.timex import lexicon as time_lexicon
from wirecoder.timex.grammar import BUILTIN, MACRO, load_rules

LANG = "fr"
PACKAGE = Path(str(resources.files("wirecoder")))
ACCESSORS = {"has", "value", "words", "forms", "values", "endings", "pattern"}  # the kind is the first argument
FUNCTION_WORDS = "function_words"  # function_words(lang, kind): the function words table, anywhere
GRAMMAR_KINDS = {"day", "num"}  # <day> and <num> in time_rules.tsv: grammar.py builds them from other kinds
# Calls whose kind comes from a data file, checked by their own test below.
FROM_DATA = {("timex/grammar.py", "_kind_pattern")}  # the <kind> macros of time_rules.tsv


def _tables() -> dict[str, WordTable]:
    return {"events": event_lexicon.load(LANG).table, "quotes": quote_lexicon.load(LANG).table,
            "timex": time_lexicon.load(LANG).table,
            "places": word_table(LANG, "place_words.tsv", value_column="label"),
            FUNCTION_WORDS: word_table(LANG, "function_words.tsv", value_column=None)}


def _table_of(module: Path) -> str | None:
    """Which table a module's accessor calls read: its folder's ("stages/timex.py" is the time stage's)."""
    parts = module.relative_to(PACKAGE).parts
    if parts == ("stages", "timex.py"):
        return "timex"
    if parts[0] == "clauses":
        return "quotes"  # the clause layer reads the speech and clause words the quote finders share
    return parts[0] if parts[0] in ("events", "quotes", "timex", "places") else None


@dataclass(frozen=True)
class Asked:
    table: str
    kind: str
    where: str


@dataclass(frozen=True)
class Forwarder:
    """A function that passes its parameter on as a kind: ``def _has_case(self, token, kind)``."""

    table: str
    position: int  # positional index in a call (``self`` not counted)
    keyword: str


def _calls(tree: ast.AST) -> Iterator[tuple[ast.Call, ast.FunctionDef | ast.AsyncFunctionDef | None]]:
    """Every call with its innermost enclosing function."""
    def visit(node: ast.AST, function: ast.FunctionDef | ast.AsyncFunctionDef | None):
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Call):
                yield child, function
            yield from visit(child, inner)
    yield from visit(tree, None)


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else None


def _loop_values(function: ast.AST | None, name: str) -> list[str] | None:
    """The literal strings ``name`` is looped over in ``function`` (``for kind in ("plan", "phase")``)."""
    for node in ast.walk(function) if function is not None else ():
        if isinstance(node, ast.comprehension | ast.For) and isinstance(node.target, ast.Name) \
                and node.target.id == name and isinstance(node.iter, ast.Tuple | ast.List | ast.Set) \
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.iter.elts):
            return [e.value for e in node.iter.elts]  # type: ignore[attr-defined]
    return None


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module constants bound to literal strings: ``DE_CASE, AGENT_CASE = "name_preposition", "..."``."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            pairs = zip(target.elts, value.elts, strict=False) if isinstance(target, ast.Tuple) and \
                isinstance(value, ast.Tuple) else [(target, value)]
            found.update((t.id, v.value) for t, v in pairs
                         if isinstance(t, ast.Name) and isinstance(v, ast.Constant) and isinstance(v.value, str))
    return found


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def scan() -> tuple[list[Asked], list[str]]:
    """The kinds the package asks for, and the accessor calls whose kind could not be read."""
    modules = [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PACKAGE.rglob("*.py"))]
    forwarders: dict[tuple[str, str], Forwarder] = {}  # (table, function name) -> how it passes a kind on
    asked: set[Asked] = set()
    unread: set[str] = set()
    changed = True
    while changed:  # forwarders found in one pass are followed in the next
        changed = False
        for path, tree in modules:
            module_table = _table_of(path)
            constants = _module_strings(tree)
            for call, function in _calls(tree):
                name = _name(call)
                if name == FUNCTION_WORDS:
                    table, position, keyword = FUNCTION_WORDS, 1, "kind"
                elif module_table and (module_table, name) in forwarders:
                    f = forwarders[(module_table, name)]
                    table, position, keyword = f.table, f.position, f.keyword
                elif module_table and name in ACCESSORS:
                    table, position, keyword = module_table, 0, "kind"
                else:
                    continue
                args = {**dict(enumerate(call.args)), **{k.arg: k.value for k in call.keywords}}
                arg = args.get(position, args.get(keyword))
                if arg is None:
                    continue  # dict.values(), str.endswith(...) with no kind
                where = f"{path.relative_to(PACKAGE)}:{call.lineno}"
                if (str(path.relative_to(PACKAGE)), name) in FROM_DATA:
                    continue
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    asked.add(Asked(table, arg.value, where))
                elif isinstance(arg, ast.Name) and arg.id in constants:
                    asked.add(Asked(table, constants[arg.id], where))
                elif isinstance(arg, ast.Name) and (looped := _loop_values(function, arg.id)) is not None:
                    asked.update(Asked(table, kind, where) for kind in looped)
                elif isinstance(arg, ast.Name) and function is not None and arg.id in _parameters(function):
                    key = (module_table or table, function.name)
                    if key not in forwarders:
                        forwarders[key] = Forwarder(table, _parameters(function).index(arg.id), arg.id)
                        changed = True
                elif isinstance(arg, ast.Constant | ast.Name | ast.Attribute | ast.Subscript):
                    unread.add(f"{where}: {ast.unparse(call)}")
    return sorted(asked, key=lambda a: (a.table, a.kind, a.where)), sorted(unread)


@pytest.fixture(scope="module")
def scanned() -> tuple[list[Asked], list[str]]:
    return scan()


def test_every_kind_the_code_asks_for_is_in_its_table(scanned) -> None:
    asked, _ = scanned
    tables = _tables()
    missing = [f"{a.where}: {a.kind!r} not in {tables[a.table].source}" for a in asked
               if a.kind not in tables[a.table].kinds]
    assert not missing, "\n".join(missing)


def test_the_scan_reads_every_kind(scanned) -> None:
    """Also pins that the scan sees the calls at all: each table is asked for kinds."""
    asked, unread = scanned
    assert not unread, "kinds the scan cannot check:\n" + "\n".join(unread)
    assert {a.table for a in asked} == set(_tables())
    assert {("events", "negation"), ("quotes", "subject_pronoun"), ("timex", "future_auxiliary"),
            ("places", "name_head"), (FUNCTION_WORDS, "article")} <= {(a.table, a.kind) for a in asked}
    # through helpers: a parameter passed on (of a constant), a literal tuple looped over, an alias of a method
    assert {("events", "conditional_ending"), ("quotes", "agent_preposition"), ("events", "phase"),
            ("timex", "month"), ("timex", "date_context")} <= {(a.table, a.kind) for a in asked}


def test_the_time_grammar_names_only_time_word_kinds() -> None:
    kinds = time_lexicon.load(LANG).table.kinds
    named = {m.group(2) for rule in _time_rule_patterns() for m in MACRO.finditer(rule)}
    assert named - set(BUILTIN) - GRAMMAR_KINDS <= kinds
    assert load_rules(LANG)  # and they compile


def _time_rule_patterns() -> list[str]:
    from wirecoder.langdata import read_tsv

    return [row["pattern"] for row in read_tsv(LANG, "time_rules.tsv")]


# -- the table itself ----------------------------------------------------------------------------

def _table() -> WordTable:
    rows = [("negation", "Pas", "x"), ("negation", "jamais", "x"), ("month", "Février", "2"),
            ("month", "fevrier", "02")]
    return WordTable("data/xx/test_words.tsv", rows, strip_accents_lower)


def test_lookups() -> None:
    table = _table()
    assert table.kinds == {"negation", "month"}
    assert table.has("negation", "PAS") and not table.has("negation", "rien")
    assert table.value("month", "FÉVRIER") == "02"  # one key: the later row wins
    assert table.value("month", "mars") is None
    assert table.forms("month") == ("Février", "fevrier")  # as written, in file order
    assert dict(table.words("negation")) == {"pas": "x", "jamais": "x"}
    assert table.values("negation") == ("x", "x")


@pytest.mark.parametrize("ask", [
    lambda t: t.has("negaton", "pas"), lambda t: t.value("mois", "mars"), lambda t: t.words("nope"),
    lambda t: t.forms("nope"), lambda t: t.values("nope")])
def test_an_unknown_kind_raises_naming_kind_and_file(ask) -> None:
    with pytest.raises(UnknownKindError, match=r"data/xx/test_words\.tsv: no forms of kind '\w+' "
                                               r"\(known kinds: month, negation\)") as caught:
        ask(_table())
    assert isinstance(caught.value, KeyError) and isinstance(caught.value, ConfigError)
    assert caught.value.source == "data/xx/test_words.tsv"


def test_the_lexicons_raise_too() -> None:
    with pytest.raises(UnknownKindError, match=r"event_words\.tsv: no forms of kind 'negaton'"):
        event_lexicon.load(LANG).has("negaton", "pas")
    with pytest.raises(UnknownKindError, match=r"quote_words\.tsv"):
        quote_lexicon.load(LANG).has("subject_pronon", "il")
    with pytest.raises(UnknownKindError, match=r"time_words\.tsv"):
        time_lexicon.load(LANG).value("mois", "mars")
    with pytest.raises(UnknownKindError, match=r"function_words\.tsv"):
        function_words(LANG, "articles")
    assert place_words(LANG).name_heads  # built through the table
