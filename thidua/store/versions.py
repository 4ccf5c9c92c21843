"""Earlier versions of the database file, so that a valid-looking import can be undone.

An import never writes the live file: it writes a private copy and renames it over the live
one (``store.database``). The live file's inode is therefore never written again once it is
live, and a hard link to it taken just before the rename is a free, exact snapshot. Those links
live in ``<db>.versions/`` beside the database, one ``<id>_<time>.duckdb`` per version with a
``.json`` describing the change that replaced it (the import's file, campaign, outcome, or the
restore). The last ``$THIDUA_KEEP_VERSIONS`` (default 5) are kept.

A restore (``ingest.load.restore_version``) lands the way an import does: a private copy of the
version, the attempt recorded in its ``imports``, renamed over the live file, the current file
first kept as a version itself. Version ids count up (1, 2, …) and never repeat while the
newest is kept.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

DEFAULT_KEEP = 5


@dataclass
class Version:
    """One kept database file and the change that replaced it."""

    version_id: int
    saved_at: str  # ISO time the version stopped being the live file
    file_name: str | None  # the import's file (None for a restore)
    campaign_code: str | None
    outcome: str  # imported | restored
    import_id: int | None = None  # the import that replaced it
    restored_from: int | None = None  # for a restore: the version put back

    @property
    def stem(self) -> str:
        return f"{self.version_id}_{self.saved_at.replace(':', '').replace('-', '')}"


def versions_dir(db: Path) -> Path:
    return db.with_name(db.name + ".versions")


def keep_count() -> int:
    """How many versions to keep: ``$THIDUA_KEEP_VERSIONS`` (default 5; 0 keeps none)."""
    try:
        return max(0, int(os.environ.get("THIDUA_KEEP_VERSIONS", DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def list_versions(db: Path) -> list[Version]:
    """The kept versions, newest first (a description without its file is not a version)."""
    folder = versions_dir(db)
    if not folder.is_dir():
        return []
    found = []
    for meta in folder.glob("*.json"):
        try:
            version = Version(**json.loads(meta.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            continue
        if meta.with_suffix(".duckdb").is_file():
            found.append(version)
    return sorted(found, key=lambda v: v.version_id, reverse=True)


def find_version(db: Path, version_id: int) -> Version | None:
    return next((v for v in list_versions(db) if v.version_id == version_id), None)


def version_file(db: Path, version: Version) -> Path:
    return versions_dir(db) / f"{version.stem}.duckdb"


def _next_id(folder: Path) -> int:
    ids = [int(p.name.split("_", 1)[0]) for p in folder.iterdir()
           if p.name.split("_", 1)[0].isdigit()]
    return max(ids, default=0) + 1


def snapshot(db: Path, **change: object) -> Version | None:
    """Keep the live ``db`` as a version before it is replaced; None if there is none to keep.

    The description is written first, then the file linked (copied where links are not
    possible) and renamed into place: a kill in between leaves a description without a file,
    which is not listed and is removed by the next ``prune``.
    """
    if not db.exists() or keep_count() == 0:
        return None
    folder = versions_dir(db)
    folder.mkdir(exist_ok=True)
    version = Version(version_id=_next_id(folder),
                      saved_at=datetime.now().isoformat(timespec="seconds"), **change)
    meta = folder / f"{version.stem}.json"
    tmp = meta.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(asdict(version), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, meta)
    target = meta.with_suffix(".duckdb")
    partial = meta.with_suffix(".duckdb.tmp")
    try:
        try:
            os.link(db, partial)
        except OSError:
            shutil.copyfile(db, partial)
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)
        meta.unlink(missing_ok=True)
        raise
    return version


def prune(db: Path) -> None:
    """Remove all but the newest ``keep_count()`` versions and any half-kept one."""
    folder = versions_dir(db)
    if not folder.is_dir():
        return
    keep = {v.stem for v in list_versions(db)[:keep_count()]}
    for path in folder.iterdir():
        stem = path.name.split(".", 1)[0]
        if stem not in keep:
            path.unlink(missing_ok=True)

