"""Storage of suppliers, analysed documents and review decisions.

SQLAlchemy Core over SQLite by default (a file in the data folder, WAL, foreign
keys on); a PostgreSQL URL (ANALYSER_DATABASE_URL) works the same. Reviews are an
append-only audit trail: a decision is never rewritten, the latest one counts,
and a save based on an outdated view is recorded with the conflict it caused.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (Column, DateTime, ForeignKey, Integer, LargeBinary, MetaData, String, Table, Text,
                        UniqueConstraint, create_engine, event, func, insert, select, update)
from sqlalchemy.engine import Engine

from .records import DocumentResult
from .report import document_json

SCHEMA_VERSION = 1
metadata = MetaData()

schema_info = Table("schema_info", metadata, Column("version", Integer, nullable=False))
suppliers = Table(
    "suppliers", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("product", String(200), nullable=False, default=""),
    Column("dossier", String(200), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("name", "dossier"),
)
documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("supplier_id", Integer, ForeignKey("suppliers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("file_name", String(500), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    Column("analyser_version", String(40), nullable=False),
    Column("library_version", String(40), nullable=False),
    Column("model_version", String(60)),
    Column("report", Text, nullable=False),  # the document's JSON as in the report spec
    Column("original", LargeBinary),  # the uploaded file, unless originals are not kept
    UniqueConstraint("supplier_id", "sha256"),
)
reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True),
    Column("supplier_id", Integer, ForeignKey("suppliers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("requirement_id", String(100), nullable=False),
    Column("original_status", String(20), nullable=False),
    Column("decision", String(20), nullable=False),  # confirm | override
    Column("status", String(20), nullable=False),  # the status after review
    Column("comment", Text, nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("based_on", Integer),  # the review the reviewer saw when deciding (None: none)
    Column("conflict_with", Integer),  # a later review saved meanwhile by someone else
)


class ReviewConflict(Exception):
    """Someone else saved a decision on the same requirement meanwhile; both are kept."""

    def __init__(self, saved_id: int, other: dict):
        super().__init__(f"review {saved_id} conflicts with review {other['id']} by {other['reviewer']}")
        self.saved_id = saved_id
        self.other = other


def data_dir() -> Path:
    return Path(os.environ.get("ANALYSER_DATA_DIR", "data"))


def default_url() -> str:
    url = os.environ.get("ANALYSER_DATABASE_URL")
    if url:
        return url
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / 'analyser.db').resolve()}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Supplier:
    id: int
    name: str
    product: str
    dossier: str
    created_at: datetime

    @property
    def label(self) -> str:
        extra = " · ".join(x for x in (self.product, self.dossier) if x)
        return f"{self.name} ({extra})" if extra else self.name


class Store:
    def __init__(self, url: str | None = None, keep_originals: bool | None = None):
        self.url = url or default_url()
        if keep_originals is None:
            keep_originals = os.environ.get("ANALYSER_KEEP_ORIGINALS", "1") not in ("0", "false", "no")
        self.keep_originals = keep_originals
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            # Take the write lock at the start of each transaction, so that reading the latest
            # review and saving the next one cannot interleave with another process.
            event.listen(self.engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        self._migrate()

    def _migrate(self) -> None:
        with self.engine.begin() as conn:
            metadata.create_all(conn)
            version = conn.execute(select(schema_info.c.version)).scalar()
            if version is None:
                conn.execute(insert(schema_info).values(version=SCHEMA_VERSION))
            # Later schema versions add their steps here, each in this transaction.

    # suppliers ---------------------------------------------------------------------------------
    def add_supplier(self, name: str, product: str = "", dossier: str = "") -> Supplier:
        name = name.strip()
        if not name:
            raise ValueError("A supplier needs a name.")
        with self.engine.begin() as conn:
            existing = conn.execute(select(suppliers).where(suppliers.c.name == name,
                                                            suppliers.c.dossier == dossier.strip())).first()
            if existing:
                return Supplier(**existing._mapping)
            row_id = conn.execute(insert(suppliers).values(name=name, product=product.strip(), dossier=dossier.strip(),
                                                           created_at=_now())).inserted_primary_key[0]
        return self.supplier(row_id)

    def supplier(self, supplier_id: int) -> Supplier:
        with self.engine.connect() as conn:
            row = conn.execute(select(suppliers).where(suppliers.c.id == supplier_id)).first()
        if row is None:
            raise KeyError(supplier_id)
        return Supplier(**row._mapping)

    def suppliers(self) -> list[Supplier]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(suppliers).order_by(suppliers.c.created_at.desc())).all()
        return [Supplier(**r._mapping) for r in rows]

    # documents ---------------------------------------------------------------------------------
    def save_document(self, supplier_id: int, result: DocumentResult, versions: dict, original: bytes | None = None) -> int:
        """Store (or replace, for the same file) an analysed document. Reviews are kept."""
        return self.save_document_json(supplier_id, document_json(result), versions, original)

    def save_document_json(self, supplier_id: int, report: dict, versions: dict, original: bytes | None = None) -> int:
        """Store a document's report (the JSON of the report spec), e.g. from a batch run."""
        values = dict(
            supplier_id=supplier_id, file_name=Path(report["file"]).name, sha256=report["sha256"],
            analysed_at=_now(), analyser_version=versions["analyser"], library_version=versions["library"],
            model_version=versions.get("model"), report=json.dumps(report, ensure_ascii=False),
            original=original if self.keep_originals else None,
        )
        with self.engine.begin() as conn:
            existing = conn.execute(select(documents.c.id).where(documents.c.supplier_id == supplier_id,
                                                                 documents.c.sha256 == report["sha256"])).scalar()
            if existing:
                conn.execute(update(documents).where(documents.c.id == existing).values(**values))
                return existing
            return conn.execute(insert(documents).values(**values)).inserted_primary_key[0]

    def documents(self, supplier_id: int) -> list[dict]:
        """The stored documents of a supplier: file name, versions and the document report."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.id, documents.c.file_name, documents.c.sha256, documents.c.analysed_at,
                                       documents.c.analyser_version, documents.c.library_version,
                                       documents.c.model_version, documents.c.report)
                                .where(documents.c.supplier_id == supplier_id).order_by(documents.c.id)).all()
        out = []
        for row in rows:
            item = dict(row._mapping)
            item["report"] = json.loads(item["report"])
            item["report"]["file"] = item["file_name"]
            out.append(item)
        return out

    def original(self, document_id: int) -> bytes | None:
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.original).where(documents.c.id == document_id)).scalar()

    # reviews -----------------------------------------------------------------------------------
    def add_review(self, supplier_id: int, requirement_id: str, original_status: str, status: str, comment: str,
                   reviewer: str, based_on: int | None) -> int:
        """Record a decision. Raises ReviewConflict (after saving) when someone else decided meanwhile."""
        comment, reviewer = comment.strip(), reviewer.strip()
        if not comment or not reviewer:
            raise ValueError("A review needs a comment and the reviewer's name.")
        decision = "confirm" if status == original_status else "override"
        with self.engine.begin() as conn:
            # PostgreSQL: lock the supplier row; SQLite: BEGIN IMMEDIATE already holds the lock.
            conn.execute(select(suppliers.c.id).where(suppliers.c.id == supplier_id).with_for_update())
            latest = conn.execute(select(reviews).where(reviews.c.supplier_id == supplier_id,
                                                        reviews.c.requirement_id == requirement_id)
                                  .order_by(reviews.c.id.desc()).limit(1)).first()
            conflict = latest is not None and latest.id != based_on
            saved = conn.execute(insert(reviews).values(
                supplier_id=supplier_id, requirement_id=requirement_id, original_status=original_status,
                decision=decision, status=status, comment=comment, reviewer=reviewer, created_at=_now(),
                based_on=based_on, conflict_with=latest.id if conflict else None)).inserted_primary_key[0]
        if conflict:
            raise ReviewConflict(saved, dict(latest._mapping))
        return saved

    def latest_reviews(self, supplier_id: int) -> dict[str, dict]:
        """requirement id -> the latest review."""
        with self.engine.connect() as conn:
            newest = (select(reviews.c.requirement_id, func.max(reviews.c.id).label("id"))
                      .where(reviews.c.supplier_id == supplier_id).group_by(reviews.c.requirement_id).subquery())
            rows = conn.execute(select(reviews).join(newest, reviews.c.id == newest.c.id)).all()
        return {r.requirement_id: dict(r._mapping) for r in rows}

    def audit_trail(self, supplier_id: int | None = None) -> list[dict]:
        query = select(reviews).order_by(reviews.c.id)
        if supplier_id is not None:
            query = query.where(reviews.c.supplier_id == supplier_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query).all()]

    # backup ------------------------------------------------------------------------------------
    def backup(self, target: str | Path, overwrite: bool = False) -> Path:
        """A consistent copy of the whole SQLite database, taken while it is in use."""
        target = Path(target)
        if target.exists() and not overwrite:
            raise ValueError(f"{target} already exists; choose another name (or --force to replace it).")
        if self.engine.dialect.name != "sqlite":
            raise NotImplementedError("Use pg_dump to back up a PostgreSQL database.")
        raw = self.engine.raw_connection()
        try:
            with sqlite3.connect(target) as destination:
                raw.driver_connection.backup(destination)
        finally:
            raw.close()
        return target

    def restore(self, source: str | Path) -> Path:
        """Replace the database with a backup (after checking that it is one); returns the copy of the old one."""
        source = Path(source)
        not_a_backup = ValueError(f"{source} is not a backup of this analyser's database; nothing was changed.")
        if not source.is_file():
            raise ValueError(f"{source} does not exist; nothing was changed.")
        try:
            with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as check:
                tables = {r[0] for r in check.execute("select name from sqlite_master where type='table'")}
                check.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise not_a_backup from exc
        if not {"suppliers", "documents", "reviews", "schema_info"} <= tables:
            raise not_a_backup
        path = Path(self.engine.url.database)
        # Keep what is replaced: a restore of the wrong backup can itself be undone.
        kept = path.with_name(f"{path.stem}.before-restore-{_now():%Y%m%d-%H%M%S}{path.suffix}")
        self.backup(kept)
        self.engine.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, path)
        self._migrate()
        return kept


def _sqlite_pragmas(connection, _record) -> None:
    connection.isolation_level = None  # SQLAlchemy's begin event issues BEGIN itself
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
