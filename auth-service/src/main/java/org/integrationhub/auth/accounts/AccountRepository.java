package org.integrationhub.auth.accounts;

import java.time.Instant;
import java.util.UUID;
import org.integrationhub.support.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL for users, organisations and memberships (schema {@code auth}). */
@Repository
class AccountRepository {

    private final DatabaseClient db;

    AccountRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A user with the one organisation they belong to. */
    record Account(UUID userId, String email, String passwordHash, UUID orgId, String orgName, Role role, Instant createdAt) {

        @Override
        public String toString() {
            return "Account[userId=" + userId + ", orgId=" + orgId + "]";
        }
    }

    private static final String ACCOUNT_SELECT = """
            select u.id, u.email, u.password_hash, u.created_at, o.id as org_id, o.name as org_name, m.role
              from users u
              join memberships m on m.user_id = u.id
              join organisations o on o.id = m.organisation_id
            """;

    Mono<Account> findByEmail(String email) {
        return db.sql(ACCOUNT_SELECT + " where lower(u.email) = lower(:email)").bind("email", email)
                .map(AccountRepository::toAccount)
                .first();
    }

    Mono<Account> findById(UUID userId) {
        return db.sql(ACCOUNT_SELECT + " where u.id = :id").bind("id", userId)
                .map(AccountRepository::toAccount)
                .first();
    }

    private static Account toAccount(io.r2dbc.spi.Readable row) {
        return new Account(row.get("id", UUID.class), row.get("email", String.class), row.get("password_hash", String.class),
                row.get("org_id", UUID.class), row.get("org_name", String.class), Role.fromClaim(row.get("role", String.class)),
                row.get("created_at", Instant.class));
    }

    Mono<Void> insertOrganisation(UUID id, String name) {
        return db.sql("insert into organisations (id, name) values (:id, :name)").bind("id", id).bind("name", name).then();
    }

    Mono<Instant> insertUser(UUID id, String email, String passwordHash) {
        return db.sql("insert into users (id, email, password_hash) values (:id, :email, :hash) returning created_at")
                .bind("id", id).bind("email", email).bind("hash", passwordHash)
                .map((row, meta) -> row.get("created_at", Instant.class)).one();
    }

    Mono<Void> insertMembership(UUID userId, UUID orgId, Role role) {
        return db.sql("insert into memberships (user_id, organisation_id, role) values (:user, :org, :role)")
                .bind("user", userId).bind("org", orgId).bind("role", role.claimValue()).then();
    }

    Mono<String> organisationName(UUID orgId) {
        return db.sql("select name from organisations where id = :id").bind("id", orgId)
                .map((row, meta) -> row.get("name", String.class)).one();
    }
}
