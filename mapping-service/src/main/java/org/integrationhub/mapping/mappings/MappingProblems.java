package org.integrationhub.mapping.mappings;

import java.util.List;
import java.util.Map;
import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;

/** What a mapping request can run into, as RFC 9457 problems with stable codes. */
final class MappingProblems {

    private MappingProblems() {
    }

    /** Unknown id, or an id of another organisation: the same answer, so nothing leaks. */
    static final class MappingNotFound extends HubProblem {
        MappingNotFound() {
            super(HttpStatus.NOT_FOUND, "mapping_not_found", "No such external user mapping.");
        }
    }

    static final class MappingAlreadyExists extends HubProblem {
        MappingAlreadyExists() {
            super(HttpStatus.CONFLICT, "mapping_exists",
                    "This organisation already maps that external email or user id of that system.");
        }
    }

    /** A batch was refused as a whole; {@code errors} says which rows and why. */
    static final class BatchRejected extends HubProblem {
        private final List<Map<String, Object>> errors;

        BatchRejected(HttpStatus status, String code, List<Map<String, Object>> errors) {
            super(status, code, "No mapping of the batch was stored: " + errors.size() + " row(s) are not acceptable.");
            this.errors = List.copyOf(errors);
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("errors", errors);
        }
    }
}
