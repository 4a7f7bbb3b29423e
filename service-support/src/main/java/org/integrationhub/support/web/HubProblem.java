package org.integrationhub.support.web;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, named as a fact (for example {@code EmailAlreadyRegistered}).
 * It becomes an RFC 9457 problem with the given status and a stable {@code code}; its message is
 * the problem's {@code detail}, so it must never contain a secret.
 */
public abstract class HubProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    protected HubProblem(HttpStatus status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the problem body (for example {@code errors} or {@code retryAfterSeconds}). */
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of();
    }
}
