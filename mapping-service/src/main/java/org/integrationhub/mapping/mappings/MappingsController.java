package org.integrationhub.mapping.mappings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.integrationhub.support.web.PagedResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/external-user-mappings}: create, list, read, replace, delete, batch-create and import (CSV) the
 * caller's organisation's mappings. Another organisation's ids answer 404.
 */
@RestController
@RequestMapping(path = "/api/external-user-mappings", produces = MediaType.APPLICATION_JSON_VALUE)
class MappingsController {

    static final String SYSTEMS = "jira|github|slack";

    static final String TEXT_CSV = "text/csv";

    private final Mappings mappings;
    private final MappingImport imports;

    MappingsController(Mappings mappings, MappingImport imports) {
        this.mappings = mappings;
        this.imports = imports;
    }

    record MappingRequest(
            @NotBlank @Pattern(regexp = SYSTEMS, message = "must be jira, github or slack") String externalSystem,
            @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 254) String externalEmail,
            @Size(max = 200) String externalUserId,
            @NotNull UUID resourceId) {

        MappingDraft toDraft() {
            return new MappingDraft(ExternalSystem.fromWireName(externalSystem), externalEmail, externalUserId, resourceId);
        }
    }

    record BatchRequest(@NotEmpty @Size(max = Mappings.MAX_BATCH) List<@Valid @NotNull MappingRequest> items) {
    }

    /** One line of an imported file and the mapping stored for it. */
    record ImportedRow(int line, MappingView mapping) {
    }

    record ImportView(int created, List<ImportedRow> rows) {
    }

    record MappingView(UUID id, String externalSystem, String externalEmail, String externalUserId, UUID resourceId,
            long version, Instant createdAt, Instant updatedAt) {

        static MappingView of(Mapping m) {
            return new MappingView(m.id(), m.system().wireName(), m.externalEmail(), m.externalUserId(), m.resourceId(),
                    m.version(), m.createdAt(), m.updatedAt());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<MappingView>> create(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody MappingRequest request) {
        return mappings.create(caller.orgId(), request.toDraft()).map(m -> ApiResponse.of(MappingView.of(m)));
    }

    @GetMapping
    Mono<PagedResponse<MappingView>> list(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) @Pattern(regexp = SYSTEMS, message = "must be jira, github or slack") String system,
            @RequestParam(required = false) UUID resourceId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return mappings.list(caller.orgId(), system == null ? null : ExternalSystem.fromWireName(system), resourceId, page, size)
                .map(found -> new PagedResponse<>(found.data().stream().map(MappingView::of).toList(), found.page()));
    }

    @GetMapping("/{id}")
    Mono<ApiResponse<MappingView>> get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return mappings.get(caller.orgId(), id).map(m -> ApiResponse.of(MappingView.of(m)));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<MappingView>> replace(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
            @Valid @RequestBody MappingRequest request) {
        return mappings.update(caller.orgId(), id, request.toDraft()).map(m -> ApiResponse.of(MappingView.of(m)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return mappings.delete(caller.orgId(), id);
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<List<MappingView>>> createAll(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody BatchRequest request) {
        return mappings.createAll(caller.orgId(), request.items().stream().map(MappingRequest::toDraft).toList())
                .map(created -> ApiResponse.of(created.stream().map(MappingView::of).toList()));
    }

    /**
     * A CSV file of mappings ({@link MappingsCsv}), stored all together or not at all; refusals
     * name each bad row by its line (the header is line 1).
     */
    @PostMapping(path = "/import", consumes = TEXT_CSV)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<ImportView>> importCsv(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestBody(required = false) String csv) {
        return imports.importCsv(caller.orgId(), csv == null ? "" : csv).map(imported -> ApiResponse.of(new ImportView(imported.size(),
                imported.stream().map(row -> new ImportedRow(row.line(), MappingView.of(row.mapping()))).toList())));
    }
}
