package org.integrationhub.mapping.mappings;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.events.OrgId;
import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Imports a CSV file of mappings ({@link MappingsCsv}) as one batch: every row is checked with the
 * same rules as a single mapping, and then stored all together or not at all
 * ({@link Mappings#createAll}). Refusals name each row by its line in the file.
 */
@Service
class MappingImport {

    /** A row and the mapping stored for it. */
    record Imported(int line, Mapping mapping) {
    }

    /** The file as a whole is not CSV of mappings. */
    static final class CsvUnreadable extends HubProblem {
        CsvUnreadable(String detail) {
            super(HttpStatus.BAD_REQUEST, "csv_unreadable", detail);
        }
    }

    private final Mappings mappings;
    private final Validator validator;

    MappingImport(Mappings mappings, Validator validator) {
        this.mappings = mappings;
        this.validator = validator;
    }

    Mono<List<Imported>> importCsv(OrgId org, String csv) {
        List<MappingsCsv.Row> rows;
        try {
            rows = MappingsCsv.read(csv, Mappings.MAX_BATCH);
        } catch (MappingsCsv.Unreadable unreadable) {
            return Mono.error(new CsvUnreadable(unreadable.getMessage()));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (MappingsCsv.Row row : rows) {
            errors.addAll(problemsOf(row));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new MappingProblems.BatchRejected(HttpStatus.BAD_REQUEST, "validation_failed", errors));
        }
        List<MappingDraft> drafts = rows.stream().map(row -> row.request().toDraft()).toList();
        return mappings.createAll(org, drafts)
                .map(created -> {
                    List<Imported> imported = new ArrayList<>();
                    for (int i = 0; i < created.size(); i++) {
                        imported.add(new Imported(rows.get(i).line(), created.get(i)));
                    }
                    return imported;
                })
                .onErrorMap(MappingProblems.BatchRejected.class, rejected -> rejected.withLines(index -> rows.get(index).line()));
    }

    private List<Map<String, Object>> problemsOf(MappingsCsv.Row row) {
        if (row.unreadable() != null) {
            return List.of(error(row.line(), null, row.unreadable()));
        }
        if (row.resourceIdUnreadable()) {
            return List.of(error(row.line(), MappingsCsv.RESOURCE, "must be a UUID"));
        }
        return validator.validate(row.request()).stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .map(violation -> error(row.line(), violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
    }

    private static Map<String, Object> error(int line, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("line", line);
        if (field != null) {
            error.put("field", field);
        }
        error.put("message", message);
        return error;
    }
}
