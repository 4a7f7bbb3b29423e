package org.integrationhub.support.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A field that passed bean validation but breaks a rule only the service can check; 400 like any invalid field. */
public class InvalidField extends HubProblem {

    private final String field;
    private final String reason;

    public InvalidField(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, "validation_failed", "Some fields are invalid.");
        this.field = field;
        this.reason = reason;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", List.of(Map.of("field", field, "message", reason)));
    }
}
