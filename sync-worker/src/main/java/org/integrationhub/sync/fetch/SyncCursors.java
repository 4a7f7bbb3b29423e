package org.integrationhub.sync.fetch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.integrationhub.events.ConnectionId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code sync_cursors} table: one {@link Cursor} per connection and scope. */
@Repository
class SyncCursors {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient db;

    SyncCursors(DatabaseClient db) {
        this.db = db;
    }

    Cursor load(ConnectionId connection, String scope) {
        return db.sql("select source_updated_at, ids_at_cursor from sync_cursors where connection_id = :c and scope = :s")
                .bind("c", connection.value()).bind("s", scope)
                .map(row -> new Cursor(row.get("source_updated_at", OffsetDateTime.class).toInstant(),
                        Set.of(row.get("ids_at_cursor", String[].class))))
                .one().blockOptional(TIMEOUT).orElse(Cursor.START);
    }

    void save(ConnectionId connection, String scope, Cursor cursor) {
        db.sql("""
                insert into sync_cursors (connection_id, scope, source_updated_at, ids_at_cursor)
                values (:c, :s, :at, :ids)
                on conflict (connection_id, scope) do update set source_updated_at = excluded.source_updated_at,
                    ids_at_cursor = excluded.ids_at_cursor, updated_at = now()""")
                .bind("c", connection.value()).bind("s", scope)
                .bind("at", OffsetDateTime.ofInstant(cursor.updatedAt(), ZoneOffset.UTC))
                .bind("ids", cursor.idsAtCursor().stream().sorted().toArray(String[]::new))
                .then().block(TIMEOUT);
    }

    /** Forgets every cursor of a connection (a full resync starts from the beginning). */
    void reset(ConnectionId connection) {
        db.sql("delete from sync_cursors where connection_id = :c").bind("c", connection.value()).then().block(TIMEOUT);
    }
}
