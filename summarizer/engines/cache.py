"""A content-addressed result cache on disk (SQLite): the same key gives the prior summary across runs."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

__all__ = ["ResultCache"]


class ResultCache:
    """key -> summary JSON; safe to share between threads of one process and between processes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, summary TEXT NOT NULL)")

    def get(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT summary FROM results WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def put(self, key: str, summary_json: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO results (key, summary) VALUES (?, ?)", (key, summary_json))

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()
