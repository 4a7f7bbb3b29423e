package org.integrationhub.gateway.ui;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Changing mappings beyond one at a time: edit one mapping (mapping-service's PUT), and import a
 * CSV file of them, uploaded or pasted (mapping-service's {@code /import}, all or nothing; each
 * refused row named by its line).
 */
@Controller
class MappingFilesController {

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final HubApi api;
    private final Pages pages;
    private final PeopleController people;

    MappingFilesController(HubApi api, Pages pages, PeopleController people) {
        this.api = api;
        this.pages = pages;
        this.people = people;
    }

    @GetMapping("/ui/people/{id}/edit")
    Mono<String> edit(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> api.get(api.services().mappings(), "/api/external-user-mappings/" + id,
                signed.session(), signed.requestId()).map(body -> {
                    model.addAttribute("id", id);
                    model.addAttribute("form", body.get("data"));
                    return "mapping";
                }));
    }

    @PostMapping("/ui/people/{id}")
    Mono<String> save(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getFormData().flatMap(fields -> {
            Map<String, String> form = PeopleController.form(fields);
            return api.put(api.services().mappings(), "/api/external-user-mappings/" + id, PeopleController.request(form),
                            signed.session(), signed.requestId())
                    .thenReturn("redirect:/ui/people?saved")
                    .onErrorResume(ServiceAnswered.class, refused -> {
                        if (refused.status() == 401 || refused.status() == 404) {
                            return Mono.error(refused);
                        }
                        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refused.status()));
                        model.addAttribute("id", id);
                        model.addAttribute("form", form);
                        model.addAttribute("error", refused.detail());
                        model.addAttribute("errors", refused.errors());
                        return Mono.just("mapping");
                    });
        }));
    }

    @PostMapping("/ui/people/import")
    Mono<String> importCsv(ServerWebExchange exchange, Model model) {
        return pages.signedIn(exchange, signed -> exchange.getMultipartData().flatMap(this::csvOf).flatMap(csv -> csv.isBlank()
                ? refuse(exchange, signed, model, HttpStatus.BAD_REQUEST, "Choose a CSV file, or paste its lines, to import.", null)
                : api.post(api.services().mappings(), "/api/external-user-mappings/import", TEXT_CSV, csv, signed.session(), signed.requestId())
                        .map(body -> "redirect:/ui/people?imported=" + ((Map<?, ?>) body.get("data")).get("created"))
                        .onErrorResume(ServiceAnswered.class, refused -> refused.status() == 401 ? Mono.error(refused)
                                : refuse(exchange, signed, model, HttpStatus.valueOf(refused.status()), refused.detail(), refused.errors()))));
    }

    /** The uploaded file's text, else the pasted text. */
    private Mono<String> csvOf(MultiValueMap<String, Part> parts) {
        Part file = parts.getFirst("file");
        Mono<String> pasted = Mono.fromSupplier(() -> parts.getFirst("csv") instanceof FormFieldPart field ? field.value() : "");
        if (file instanceof FilePart upload && !upload.filename().isBlank()) {
            return DataBufferUtils.join(upload.content()).map(buffer -> {
                try {
                    return buffer.toString(StandardCharsets.UTF_8);
                } finally {
                    DataBufferUtils.release(buffer);
                }
            }).defaultIfEmpty("");
        }
        return pasted;
    }

    private Mono<String> refuse(ServerWebExchange exchange, Pages.Signed signed, Model model, HttpStatus status, String error, Object errors) {
        model.addAttribute("form", Map.of("externalSystem", "", "externalEmail", "", "externalUserId", "", "resourceId", ""));
        return people.page(signed, 0, model).then(Mono.fromSupplier(() -> {
            exchange.getResponse().setStatusCode(status);
            model.addAttribute("importError", error);
            model.addAttribute("importErrors", errors);
            return "people";
        }));
    }
}
