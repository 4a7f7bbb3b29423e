package org.integrationhub.mapping.mappings;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.OrgId;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.JsonBodies;
import org.integrationhub.testsupport.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** mapping-service on real Postgres and Kafka, called as a signed-in user of a fresh organisation. */
@HubIntegrationTest
abstract class MappingApiTest {

    static final String PATH = "/api/external-user-mappings";

    @LocalServerPort
    int port;

    final OrgId org = OrgId.random();
    final String token = TestTokens.shared().user(UUID.randomUUID(), org, "member");

    WebTestClient http() {
        return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    WebTestClient.ResponseSpec create(Object body) {
        return http().post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static Map<String, Object> mapping(String system, String email, String userId, UUID resourceId) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalSystem", system);
        body.put("externalEmail", email);
        body.put("externalUserId", userId);
        body.put("resourceId", resourceId);
        return body;
    }

    static String read(WebTestClient.ResponseSpec response, String jsonPath) {
        return JsonBodies.read(response, jsonPath);
    }
}
