"""The package's layout: imports run one way (no circle among its modules, counting imports inside
functions; only ``if TYPE_CHECKING:`` imports are exempt), modules stay small, and the top-level
package shows its public names only."""

from __future__ import annotations

import ast
from pathlib import Path

import walletcontact as wc

SRC = Path(__file__).resolve().parent.parent / "src" / "walletcontact"
#: generated tables, not code (scripts/gen_keys.py writes them)
GENERATED = {"walletcontact.data.keys", "walletcontact.data.confusables"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = ["walletcontact", *path.relative_to(SRC).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports, at any depth, outside ``if TYPE_CHECKING:``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def resolve(base: str, names: list[str]) -> None:
        for n in names:
            target = f"{base}.{n}" if base else n
            found.add(target if target in modules else base)

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("walletcontact"):
                    found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.startswith("walletcontact"):
                resolve(mod, [a.name for a in node.names])
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of imports, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = walk(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = walk(node)
            if found:
                return found
    return None


def test_no_import_circle() -> None:
    graph = _graph()
    assert len(graph) > 20  # the walk found the package
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_circle_finder_finds_circles(tmp_path: Path) -> None:
    """The test above can fail: a graph with a circle is reported, deferred imports included."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
    modules = {"walletcontact.x": Path("x.py"), "walletcontact.y": Path("y.py")}
    source = "def f():\n    from .y import g\nif TYPE_CHECKING:\n    from .z import h\n"
    probe = tmp_path / "x.py"
    probe.write_text(source, encoding="utf-8")
    assert _imports("walletcontact.x", probe, modules) == {"walletcontact.y"}


def test_lower_layers_do_not_know_the_upper_ones() -> None:
    """The layers, bottom up: reading numbers and the model know nothing of registries, loading
    or verdicts; loading knows nothing of verdicts or the command line."""
    graph = _graph()

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    for low in ("walletcontact.model", "walletcontact.phone.text", "walletcontact.phone.reading"):
        assert not {m for m in reach(low) if m.startswith(("walletcontact.load", "walletcontact.check"))}, low
    for mod in [m for m in graph if m.startswith("walletcontact.load")]:
        assert not {m for m in reach(mod) if m.startswith(("walletcontact.check", "walletcontact.cli"))}, mod
    assert "walletcontact.registry" not in reach("walletcontact.catalog")


def test_modules_stay_small() -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules().items()}
    assert {n: s for n, s in sizes.items() if s > 600 and n not in GENERATED} == {}


def test_dir_shows_the_public_names_only() -> None:
    shown = dir(wc)
    assert shown == sorted(wc.__all__)
    for leaked in ("TYPE_CHECKING", "annotations", "errors", "check", "registry", "model"):
        assert leaked not in shown
    for name in wc.__all__:
        assert getattr(wc, name) is not None


def test_all_lists_every_lazy_name_and_nothing_else() -> None:
    eager = {n for n in wc.__all__ if n not in wc._LAZY}
    assert set(wc._LAZY) <= set(wc.__all__)
    assert eager == {
        "AmbiguousProviderError",
        "DataError",
        "InvalidArgumentError",
        "MalformedNumberError",
        "NumberError",
        "UnknownProviderError",
        "UnknownTopicError",
        "UnofficialNumberError",
        "WalletContactError",
        "__version__",
        "export",
        "preload",
    }
