package org.integrationhub.mapping.mappings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        private static final Pattern REPEATS = Pattern.compile("repeats row (\\d+) of this batch");
        private final List<Map<String, Object>> errors;

        BatchRejected(HttpStatus status, String code, List<Map<String, Object>> errors) {
            super(status, code, "No mapping of the batch was stored: " + errors.size() + " row(s) are not acceptable.");
            this.errors = List.copyOf(errors);
        }

        /**
         * The same refusal for an imported file: each row's {@code index} becomes its {@code line},
         * and "repeats row n of this batch" names the line it repeats.
         */
        BatchRejected withLines(IntUnaryOperator lineOfIndex) {
            return new BatchRejected(status(), code(), errors.stream().map(error -> {
                Map<String, Object> byLine = new LinkedHashMap<>();
                byLine.put("line", lineOfIndex.applyAsInt((Integer) error.get("index")));
                byLine.put("field", error.get("field"));
                Matcher repeats = REPEATS.matcher(String.valueOf(error.get("message")));
                byLine.put("message", repeats.matches()
                        ? "repeats line " + lineOfIndex.applyAsInt(Integer.parseInt(repeats.group(1))) + " of this file" : error.get("message"));
                return byLine;
            }).toList());
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("errors", errors);
        }
    }
}
