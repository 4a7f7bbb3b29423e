package org.integrationhub.connector.connections;

import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;

/** What a connection request can run into, as RFC 9457 problems with stable codes. */
public final class ConnectionProblems {

    private ConnectionProblems() {
    }

    /** Unknown id, or an id of another organisation: the same answer, so nothing leaks. */
    public static final class ConnectionNotFound extends HubProblem {
        public ConnectionNotFound() {
            super(HttpStatus.NOT_FOUND, "connection_not_found", "No such connection.");
        }
    }

    static final class ConnectionAlreadyExists extends HubProblem {
        ConnectionAlreadyExists() {
            super(HttpStatus.CONFLICT, "connection_exists", "This organisation already connects this site with this account.");
        }
    }

    /** The provider refused the connection's refresh token (or it cannot be refreshed and has expired): connect again. */
    static final class ConnectionRevoked extends HubProblem {
        ConnectionRevoked() {
            super(HttpStatus.CONFLICT, "connection_revoked",
                    "The provider no longer accepts this connection's authorisation; connect it again.");
        }
    }

    /** The access token has expired and cannot be refreshed (no refresh token, or the provider's entry refreshes none). */
    static final class ConnectionExpired extends HubProblem {
        ConnectionExpired() {
            super(HttpStatus.CONFLICT, "connection_expired", "This connection's access has expired; connect it again.");
        }
    }

    /** A refresh failed for now (the provider answered 5xx or not at all) and the stored token has expired. */
    static final class ProviderUnavailable extends HubProblem {
        ProviderUnavailable() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable",
                    "The provider did not refresh the token; try again later.");
        }
    }

    static final class ProviderNotFound extends HubProblem {
        ProviderNotFound() {
            super(HttpStatus.NOT_FOUND, "provider_not_found", "No such OAuth provider is configured.");
        }
    }
}
