package org.integrationhub.mapping.mappings;

import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.OrgId;
import org.integrationhub.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class MappingsIT extends MappingApiTest {

    @Test
    void createsAndReadsAMapping() {
        UUID resource = UUID.randomUUID();
        String id = read(create(mapping("jira", "Mia@Example.com", "5b10ac8d82e05b22cc7d4ef5", resource)).expectStatus().isCreated(),
                "$.data.id");
        http().get().uri(PATH + "/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.externalSystem").isEqualTo("jira")
                .jsonPath("$.data.externalEmail").isEqualTo("mia@example.com")
                .jsonPath("$.data.externalUserId").isEqualTo("5b10ac8d82e05b22cc7d4ef5")
                .jsonPath("$.data.resourceId").isEqualTo(resource.toString())
                .jsonPath("$.data.version").isEqualTo(1);
    }

    @Test
    void listsByResourceAndSystemInPages() {
        UUID resource = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            create(mapping("github", null, "octo-" + i, resource)).expectStatus().isCreated();
        }
        create(mapping("jira", "other@example.com", null, resource)).expectStatus().isCreated();
        create(mapping("github", null, "someone-else", UUID.randomUUID())).expectStatus().isCreated();

        http().get().uri(PATH + "?system=github&resourceId=" + resource + "&size=2&page=0").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(2)
                .jsonPath("$.page.totalElements").isEqualTo(3)
                .jsonPath("$.page.totalPages").isEqualTo(2);
        http().get().uri(PATH + "?system=github&resourceId=" + resource + "&size=2&page=1").exchange()
                .expectBody().jsonPath("$.data.length()").isEqualTo(1);
        http().get().uri(PATH + "?resourceId=" + resource).exchange().expectBody().jsonPath("$.page.totalElements").isEqualTo(4);
    }

    @Test
    void replacesAMappingAndCountsItsVersion() {
        String id = read(create(mapping("slack", null, "U2CERLKJA", UUID.randomUUID())).expectStatus().isCreated(), "$.data.id");
        UUID newResource = UUID.randomUUID();
        http().put().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(mapping("slack", "roadrunner@example.com", "U2CERLKJA", newResource)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.resourceId").isEqualTo(newResource.toString())
                .jsonPath("$.data.externalEmail").isEqualTo("roadrunner@example.com")
                .jsonPath("$.data.version").isEqualTo(2);
    }

    @Test
    void deletesAMapping() {
        String id = read(create(mapping("jira", "gone@example.com", null, UUID.randomUUID())).expectStatus().isCreated(), "$.data.id");
        http().delete().uri(PATH + "/" + id).exchange().expectStatus().isNoContent();
        http().get().uri(PATH + "/" + id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("mapping_not_found");
        http().delete().uri(PATH + "/" + id).exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesADuplicateEmailOrUserIdOfTheSameSystem() {
        create(mapping("jira", "dup@example.com", "acc-1", UUID.randomUUID())).expectStatus().isCreated();
        create(mapping("jira", "DUP@example.com", null, UUID.randomUUID())).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("mapping_exists");
        create(mapping("jira", null, "acc-1", UUID.randomUUID())).expectStatus().isEqualTo(409);
        create(mapping("github", "dup@example.com", null, UUID.randomUUID())).expectStatus().isCreated();
    }

    @Test
    void refusesInvalidFieldsWithFieldErrors() {
        create(mapping("gitlab", "a@example.com", null, UUID.randomUUID())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed").jsonPath("$.errors[0].field").isEqualTo("externalSystem");
        create(mapping("jira", "not-an-email", null, UUID.randomUUID())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("externalEmail");
        create(mapping("jira", "a@example.com", null, null)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("resourceId");
        create(mapping("jira", null, null, UUID.randomUUID())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("externalEmail");
        http().post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"externalSystem\":").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed_request");
        http().get().uri(PATH + "?system=gitlab").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed");
    }

    @Test
    void anotherOrganisationSeesNoneOfItAndGets404s() {
        String id = read(create(mapping("jira", "private@example.com", null, UUID.randomUUID())).expectStatus().isCreated(), "$.data.id");
        String stranger = TestTokens.shared().user(UUID.randomUUID(), OrgId.random(), "admin");
        WebTestClient other = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth(stranger)).build();

        other.get().uri(PATH + "/" + id).exchange().expectStatus().isNotFound().expectBody().jsonPath("$.data").doesNotExist();
        other.put().uri(PATH + "/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(mapping("jira", "taken-over@example.com", null, UUID.randomUUID())).exchange().expectStatus().isNotFound();
        other.delete().uri(PATH + "/" + id).exchange().expectStatus().isNotFound();
        other.get().uri(PATH).exchange().expectStatus().isOk().expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
        // the same email is free in the other organisation
        other.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(mapping("jira", "private@example.com", null, UUID.randomUUID())).exchange().expectStatus().isCreated();
        http().get().uri(PATH + "/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.externalEmail").isEqualTo("private@example.com");
    }

    @Test
    void needsAToken() {
        WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build().get().uri(PATH).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anOrganisationIsNeverTakenFromTheBody() {
        Map<String, Object> body = mapping("jira", "scoped@example.com", null, UUID.randomUUID());
        body.put("organisationId", OrgId.random().toString());
        String id = read(create(body).expectStatus().isCreated(), "$.data.id");
        http().get().uri(PATH + "/" + id).exchange().expectStatus().isOk();
    }
}
