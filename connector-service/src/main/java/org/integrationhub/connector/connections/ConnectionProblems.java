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
}
