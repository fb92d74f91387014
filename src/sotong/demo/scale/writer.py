"""Writes generated rows straight into a table: COPY on PostgreSQL, executemany on SQLite.

Model instances cost about as much Python time as the insert itself, so the generator hands
plain tuples (with explicit primary keys) to a `TableWriter`. The writer checks the columns
against the model, so a field another app adds later gets its default instead of breaking
the generator, and a new required field without a default stops it with a clear message.
"""

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import islice

from django.core.exceptions import ImproperlyConfigured
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max, Model

BATCH_ROWS = 20_000


def next_id(model: type[Model]) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def timestamp(epoch_seconds: int) -> str:
    """A UTC timestamp as each database stores what Django writes into it."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(epoch_seconds)) + _SUFFIX[0]


# Set by `use_connection()`: looking the vendor up per timestamp costs more than formatting.
_SUFFIX = [""]


def use_connection() -> None:
    _SUFFIX[0] = "+00" if connection.vendor == "postgresql" else ""


def _adapt(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    if isinstance(value, datetime):
        return timestamp(int(value.timestamp()))
    if isinstance(value, date):
        return value.isoformat()
    return value


class TableWriter:
    """Inserts tuples whose items follow `fields`; other columns get the model's default."""

    def __init__(self, model: type[Model], fields: Sequence[str]) -> None:
        use_connection()
        meta = model._meta
        given = [meta.get_field(name) for name in fields]
        self.table = meta.db_table
        self.model = model
        self.columns = [field.column for field in given]
        constants = []
        given_names = {field.name for field in given}
        for field in meta.concrete_fields:
            if field.name in given_names:
                continue
            value = field.get_default()
            if value is None and not field.null:
                raise ImproperlyConfigured(
                    f"The generator does not fill {meta.label}.{field.name}, which is required "
                    "and has no default: add it to sotong/demo/scale/generate.py."
                )
            self.columns.append(field.column)
            constants.append(_adapt(value))
        self.constants = tuple(constants)
        self.rows_written = 0

    def write(self, rows: Iterable[tuple], on_batch=None) -> int:
        iterator: Iterator[tuple] = iter(rows)
        while True:
            batch = list(islice(iterator, BATCH_ROWS))
            if not batch:
                return self.rows_written
            if self.constants:
                batch = [row + self.constants for row in batch]
            self._insert(batch)
            self.rows_written += len(batch)
            if on_batch is not None:
                on_batch(len(batch))

    def _insert(self, batch: list[tuple]) -> None:
        connection.ensure_connection()
        quoted = ", ".join(f'"{column}"' for column in self.columns)
        if connection.vendor == "postgresql":
            statement = f'COPY "{self.table}" ({quoted}) FROM STDIN'
            with connection.connection.cursor() as cursor, cursor.copy(statement) as copy:
                for row in batch:
                    copy.write_row(row)
        elif connection.vendor == "sqlite":
            marks = ", ".join("?" * len(self.columns))
            # Table and column names come from the model, never from input.
            statement = f'INSERT INTO "{self.table}" ({quoted}) VALUES ({marks})'  # noqa: S608
            connection.connection.executemany(statement, batch)
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise ImproperlyConfigured(f"No bulk writer for {connection.vendor}.")


def reset_sequences(models: Iterable[type[Model]]) -> None:
    """After explicit ids, the next row Django inserts must not reuse one (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def analyze() -> None:
    """Fresh planner statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` would give.

    On PostgreSQL also VACUUM, as autovacuum soon would on a server: rows just copied in are
    not yet marked all-visible, so until then no count can be answered from an index alone
    (a follower count of 15,000 took 12 ms instead of 2). VACUUM cannot run inside a
    transaction (the tests generate cities inside one): there, statistics only."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")
