"""The domain ring imports no framework and no other tracker module."""

import ast
from pathlib import Path

import tracker.domain

FORBIDDEN = ("flask", "sqlalchemy", "redis", "rq", "werkzeug", "wtforms", "tracker")


def test_domain_modules_import_only_the_standard_library_and_pure_helpers() -> None:
    domain_dir = Path(tracker.domain.__file__).parent
    offenders = []
    for path in domain_dir.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                inside_domain = name.startswith("tracker.domain")
                if name.split(".")[0] in FORBIDDEN and not inside_domain:
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
    assert len(list(domain_dir.glob("*.py"))) >= 6
