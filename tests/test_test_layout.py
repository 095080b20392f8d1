"""The suite's layout holds: helpers live in tests/support/, never in conftest or a test module."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Each absolute import in the file, anywhere in it (inside functions too), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def forbidden_imports(path: Path) -> list[str]:
    """Imports of conftest (fixtures reach tests by name, not import) or of a test module."""
    return [
        f"{path.name}:{line}: imports {module}"
        for line, module in imported_modules(path)
        if module.split(".")[0] == "conftest" or module.split(".")[0].startswith("test_")
    ]


def test_nothing_imports_conftest_or_another_test_module():
    files = sorted([*TESTS.glob("test_*.py"), *(TESTS / "support").glob("*.py")])
    assert [problem for path in files for problem in forbidden_imports(path)] == []


def test_helpers_live_in_the_support_package():
    loose = [
        path.name
        for path in TESTS.glob("*.py")
        if path.name != "conftest.py" and not path.name.startswith("test_")
    ]
    assert loose == [], "move helper modules into tests/support/"
    assert (TESTS / "support" / "__init__.py").is_file()
