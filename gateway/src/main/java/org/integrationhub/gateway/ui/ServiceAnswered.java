package org.integrationhub.gateway.ui;

import java.util.Map;

/**
 * A service refused a call of the web UI: its status and the problem it answered with. The
 * problem's detail is the service's own wording for people (never a token or a stack trace).
 */
public final class ServiceAnswered extends RuntimeException {

    private final int status;
    private final Map<String, Object> problem;

    ServiceAnswered(int status, Map<String, Object> problem) {
        super("service answered " + status, null, false, false);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The service's explanation, or a general one when it gave none. */
    public String detail() {
        Object detail = problem.get("detail");
        return detail instanceof String text && !text.isBlank() ? text : "The request was refused (HTTP " + status + ").";
    }

    public Object errors() {
        return problem.get("errors");
    }
}
