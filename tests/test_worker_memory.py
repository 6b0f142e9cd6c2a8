"""A web worker does not load the readers and writers of files until a file is read or sent:
python-docx, openpyxl, pypdf and Pillow (with lxml) weigh some 40 MB in each worker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILE_LIBRARIES = ("docx", "openpyxl", "pypdf", "PIL", "lxml")


def loaded_after(tmp_path: Path, *modules: str) -> list[str]:
    """The file libraries a fresh process holds once it has imported `modules`."""
    imports = "".join(f"import {module}\n" for module in modules)
    probe = f"import sys\n{imports}print(*(n for n in {FILE_LIBRARIES!r} if n in sys.modules))"
    environment = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
        "REDIS_URL": "redis://127.0.0.1:1/0",  # never reached: nothing is read at start
        "PATH": "/usr/bin:/bin",
    }
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def test_the_app_starts_without_the_file_libraries(tmp_path: Path) -> None:
    assert loaded_after(tmp_path, "wsgi") == []


def test_writing_a_workbook_loads_its_library(tmp_path: Path) -> None:
    """The probe sees a library once it is loaded (so the test above can fail)."""
    assert "openpyxl" in loaded_after(tmp_path, "wsgi", "tracker.reports.render_xlsx")
