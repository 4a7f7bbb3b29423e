package org.integrationhub.auth;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InvitationsIT extends AuthApiTest {

    private WebTestClientResponse invite(String token, Map<String, String> body) {
        return new WebTestClientResponse(http().post().uri("/api/auth/invitations").headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange());
    }

    private record WebTestClientResponse(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
    }

    @Test
    void anInvitedColleagueJoinsTheAdminsOrganisationOnce() {
        String adminEmail = uniqueEmail();
        String orgId = read(register(adminEmail, PASSWORD).expectStatus().isCreated(), "$.data.organisation.id");
        String adminToken = accessToken(adminEmail, PASSWORD);

        String invitation = read(invite(adminToken, Map.of("role", "member")).spec().expectStatus().isCreated(), "$.data.invitationToken");

        String colleague = uniqueEmail();
        post("/api/auth/register", Map.of("email", colleague, "password", PASSWORD, "invitationToken", invitation))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.data.organisation.id").isEqualTo(orgId)
                .jsonPath("$.data.role").isEqualTo("member");
        http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(accessToken(colleague, PASSWORD))).exchange()
                .expectBody().jsonPath("$.data.organisation.id").isEqualTo(orgId).jsonPath("$.data.roles[0]").isEqualTo("member");

        post("/api/auth/register", Map.of("email", uniqueEmail(), "password", PASSWORD, "invitationToken", invitation))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invitation_invalid");
    }

    @Test
    void anInvitationForOneEmailCannotBeUsedByAnother() {
        String invitation = read(invite(newAdminToken(), Map.of("email", "invited@example.com")).spec().expectStatus().isCreated(),
                "$.data.invitationToken");
        post("/api/auth/register", Map.of("email", uniqueEmail(), "password", PASSWORD, "invitationToken", invitation))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invitation_invalid");
    }

    @Test
    void anUnknownInvitationCreatesNothing() {
        String email = uniqueEmail();
        post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "invitationToken", "made-up-token"))
                .expectStatus().isBadRequest();
        login(email, PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void onlyAnAdminMayInvite() {
        String invitation = read(invite(newAdminToken(), Map.of()).spec().expectStatus().isCreated(), "$.data.invitationToken");
        String member = uniqueEmail();
        post("/api/auth/register", Map.of("email", member, "password", PASSWORD, "invitationToken", invitation)).expectStatus().isCreated();

        invite(accessToken(member, PASSWORD), Map.of()).spec().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
    }
}
