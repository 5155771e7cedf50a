"""Static files in tests: WhiteNoise scans every file of the finders (the npm packages too) each
time a middleware chain is built, and the test client builds one per client: some 80 ms, a
thousand times in a run. The test preset uses this subclass, which scans once per process."""

from __future__ import annotations

from typing import Any, ClassVar

from whitenoise.middleware import WhiteNoiseMiddleware  # type: ignore[import-untyped]


class ScannedOnceWhiteNoiseMiddleware(WhiteNoiseMiddleware):
    _scanned: ClassVar[dict[str, Any] | None] = None

    def add_files_from_finders(self) -> None:
        cls = type(self)
        if cls._scanned is None:
            super().add_files_from_finders()
            cls._scanned = dict(self.files)
        else:
            self.files.update(cls._scanned)
