"""The contract "No app imports another app's models" bites: one forbidden import, added to a copy
of the package, makes `lint-imports` fail and name the import. Without the contract (or with an
allowlist that lets the import through) this test fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import servicepunt

PACKAGE = Path(servicepunt.__file__).parent
PYPROJECT = PACKAGE.parent.parent / "pyproject.toml"
# What import-linter does not read: templates, static files, translations, caches.
NOT_CODE = shutil.ignore_patterns("static", "templates", "locale", "__pycache__", "*.mo", "*.po")
PROBE = "from servicepunt.cases.models import Case  # a page module reading cases' rows directly\n"


def test_an_import_of_another_apps_models_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "servicepunt", ignore=NOT_CODE)
    shutil.copy(PYPROJECT, tmp_path / "pyproject.toml")
    (tmp_path / "servicepunt" / "counter" / "contract_probe.py").write_text(PROBE)
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(  # noqa: S603 (our own venv's lint-imports on a copy of our own code)
        [str(lint_imports), "--config", "pyproject.toml", "--no-cache"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "No app imports another app's models BROKEN" in result.stdout
    assert "servicepunt.counter.contract_probe -> servicepunt.cases.models" in result.stdout
