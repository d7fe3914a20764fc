"""The tables of the store, in SQLAlchemy Core.

The registry's records are few and their shape is the record contract
(:mod:`palais.records`), so a submission keeps its record as one JSON text
column and only the fields that are searched, constrained or joined on get
columns of their own. The migrations in :mod:`palais.store.migrations` create
exactly these tables; ``tests/store`` checks the two agree.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(200), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    # ISO 3166-1 alpha-3 of the State a mission acts for; null for other roles.
    Column("state", String(3)),
    # Comma-separated language codes a translator may edit.
    Column("languages", String(40), nullable=False, server_default=""),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("email", String(320)),  # where a mission's notifications are sent (from 0006)
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    # SHA-256 of the token: the token itself is shown once and never stored.
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    # Comma-separated grants beyond acting as the user; "mint": may create tokens.
    Column("scope", String(100), nullable=False, server_default=""),
)

# A person's login in a browser: the cookie holds a random token, the store its SHA-256,
# so logging out, changing the password or ending a session elsewhere ends it at once.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True)),
    Column("client", String(300), nullable=False, server_default=""),  # the User-Agent
    Column("address", String(64), nullable=False, server_default=""),
    Index("ix_web_sessions_user", "user_id"),
)

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("state", String(20), nullable=False),
    Column("mission", String(3)),  # the State the submission was made for
    Column("submitted_by", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("record", Text, nullable=False),  # JSON, palais.records contract
    Column("symbol", String(120), unique=True),
    Column("job_number", String(20), unique=True),
    Column("title", Text),
    Column("doc_date", String(10)),
    Column("session", Integer),
    Column("filename", String(300)),
    Column("media_type", String(100)),
    Column("source_sha256", String(64)),
    Column("duplicate_of", Text, nullable=False, server_default="[]"),  # JSON list of ids
    Column("reason", Text),
    Column("parent_id", Integer, ForeignKey("submissions.id")),
    Column("version_kind", String(10)),
    Column("issued_at", DateTime(timezone=True)),
    Index("ix_submissions_state", "state"),
    Index("ix_submissions_mission", "mission"),
    Index("ix_submissions_source_sha256", "source_sha256"),
    Index("ix_submissions_issued_at", "issued_at"),
    Index("ix_submissions_parent_id", "parent_id"),
    # The archive is read in pages of issued documents in id order.
    Index("ix_submissions_state_id", "state", "id"),
)

# One row per number ever given in a series ("A/HRC/41/G", "GE.19",
# "A/HRC/41/G/1/Corr"): the primary key is what makes two concurrent
# registrations unable to take the same number.
allocations = Table(
    "allocations",
    metadata,
    Column("series", String(120), nullable=False),
    Column("number", Integer, nullable=False),
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("allocated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("series", "number", name="pk_allocations"),
)

# Append-only: triggers created by the migration refuse UPDATE and DELETE.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", Integer, ForeignKey("submissions.id")),
    Column("actor", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(40), nullable=False),
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("detail", Text),
    Index("ix_audit_log_submission", "submission_id"),
)

manifestations = Table(
    "manifestations",
    metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("language", String(2), nullable=False),
    Column("format", String(10), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    PrimaryKeyConstraint("submission_id", "language", "format", name="pk_manifestations"),
)

# Sessions the secretariat adds to (or corrects in) the calendar of the conventions data.
calendar_sessions = Table(
    "calendar_sessions",
    metadata,
    Column("number", Integer, nullable=False),
    Column("special", Boolean, nullable=False),
    Column("opening", Date, nullable=False),
    Column("closing", Date, nullable=False),
    Column("actual_closing", Date),
    # The parts a session met in, as met ("2020-02-24/2020-03-13 2020-06-15/2020-06-23");
    # NULL: none recorded here (the conventions data's, if any, stand).
    Column("parts", Text),
    Column("added_by", String(200), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("number", "special", name="pk_calendar_sessions"),
)

# What the store is: ``store_id`` names this store, so an index made from another
# store (a copied data folder, a restored backup) is recognised and rebuilt.
store_info = Table(
    "store_info",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

# Every change of what the public sees (issue, withdrawal, import), in commit order:
# written in the transaction of the change; the search index applies them in order.
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("action", String(20), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# What each language version of an issued document prints: the search index's source,
# and the title each version prints (what lists and pages show in the reader's language).
version_texts = Table(
    "version_texts",
    metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("language", String(2), nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),  # the version's title as printed (none before 0005)
    PrimaryKeyConstraint("submission_id", "language", name="pk_version_texts"),
)

# What a mission is told (its note registered, issued): written with the event, sent after
# it commits; ``sent_at`` stays empty until a send succeeds (see migration 0006).
notifications = Table(
    "notifications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("mission", String(3)),
    Column("recipient", String(320)),
    Column("event", String(20), nullable=False),
    Column("symbol", String(120)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Index("ix_notifications_mission", "mission"),
    Index("ix_notifications_unsent", "sent_at"),
)

# Which translator works on which language of a submission: given by an officer or
# claimed by the translator; one translator per language of a submission.
assignments = Table(
    "assignments",
    metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("language", String(2), nullable=False),
    Column("translator", String(200), nullable=False),
    Column("assigned_by", String(200), nullable=False),
    Column("assigned_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("submission_id", "language", name="pk_assignments"),
    Index("ix_assignments_translator", "translator"),
)

# The translation memory: each passage of an issued document in each of its languages
# (palais.compose.memory), written when it is issued; read only while it stays issued.
memory_segments = Table(
    "memory_segments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", Integer, ForeignKey("submissions.id"), nullable=False),
    Column("passage", String(100), nullable=False),
    Column("language", String(2), nullable=False),
    Column("text", Text, nullable=False),
    Column("digest", String(64), nullable=False),  # of the normalised text: exact matches
    Index("ix_memory_segments_digest", "language", "digest"),
    Index("ix_memory_segments_passage", "submission_id", "passage", "language"),
)

# MinHash band keys of each segment: texts sharing a key are candidates for a fuzzy match.
memory_keys = Table(
    "memory_keys",
    metadata,
    Column("key", BigInteger, nullable=False),
    Column(
        "segment_id", Integer, ForeignKey("memory_segments.id", ondelete="CASCADE"),
        nullable=False,
    ),
    PrimaryKeyConstraint("key", "segment_id", name="pk_memory_keys"),
)
