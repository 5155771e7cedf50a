"""SQLite is the embedded default (`make run`), while CI runs on PostgreSQL: every migration must
apply on a fresh SQLite database too. A consent check with jsonb operators once broke this."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_every_migration_applies_on_a_fresh_sqlite_database(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "servicepunt.config.settings.local",
    }
    done = subprocess.run(
        [sys.executable, "-m", "servicepunt", "migrate", "--no-input"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Applying handovers.0006_consent_per_handover... OK" in done.stdout
