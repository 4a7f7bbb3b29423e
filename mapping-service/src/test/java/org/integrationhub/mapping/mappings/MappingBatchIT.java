package org.integrationhub.mapping.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class MappingBatchIT extends MappingApiTest {

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec batch(List<Map<String, Object>> items) {
        return http().post().uri(PATH + "/batch").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("items", items)).exchange();
    }

    private long stored() {
        return Long.parseLong(read(http().get().uri(PATH + "?size=1").exchange().expectStatus().isOk(), "$.page.totalElements"));
    }

    @Test
    void storesAThousandRowsAtOnce() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(mapping("github", "person" + i + "@example.com", "login-" + i, UUID.randomUUID()));
        }
        batch(items).expectStatus().isCreated().expectBody().jsonPath("$.data.length()").isEqualTo(1000);
        assertThat(stored()).isEqualTo(1000);
    }

    @Test
    void storesNothingWhenOneRowRepeatsAnotherAndNamesTheRows() {
        List<Map<String, Object>> items = List.of(
                mapping("jira", "one@example.com", null, UUID.randomUUID()),
                mapping("jira", "two@example.com", null, UUID.randomUUID()),
                mapping("jira", "ONE@example.com", null, UUID.randomUUID()));
        batch(items).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].index").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("externalEmail");
        assertThat(stored()).isZero();
    }

    @Test
    void storesNothingWhenARowClashesWithAStoredMapping() {
        create(mapping("slack", null, "U123", UUID.randomUUID())).expectStatus().isCreated();
        List<Map<String, Object>> items = List.of(
                mapping("slack", null, "U999", UUID.randomUUID()),
                mapping("slack", "x@example.com", "U123", UUID.randomUUID()));
        batch(items).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("mapping_exists")
                .jsonPath("$.errors[0].index").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("externalUserId");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void reportsInvalidRowsByTheirPosition() {
        List<Map<String, Object>> items = List.of(
                mapping("jira", "fine@example.com", null, UUID.randomUUID()),
                mapping("jira", "broken", null, UUID.randomUUID()));
        batch(items).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("items[1].externalEmail");
        assertThat(stored()).isZero();
    }

    @Test
    void refusesMoreThanAThousandRowsAndAnEmptyBatch() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(mapping("github", null, "l" + i, UUID.randomUUID()));
        }
        batch(items).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("items");
        batch(List.of()).expectStatus().isBadRequest();
        assertThat(stored()).isZero();
    }
}
