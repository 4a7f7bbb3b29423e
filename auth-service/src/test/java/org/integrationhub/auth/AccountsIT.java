package org.integrationhub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import org.integrationhub.testsupport.PostgresEndpoint;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

@ExtendWith(OutputCaptureExtension.class)
class AccountsIT extends AuthApiTest {

    @Test
    void registersANewOrganisationWithTheUserAsAdmin() {
        String email = uniqueEmail();
        register(email, PASSWORD).expectStatus().isCreated().expectBody()
                .jsonPath("$.data.user.id").isNotEmpty()
                .jsonPath("$.data.user.email").isEqualTo(email)
                .jsonPath("$.data.organisation.id").isNotEmpty()
                .jsonPath("$.data.organisation.name").isEqualTo("example.com")
                .jsonPath("$.data.role").isEqualTo("admin")
                .jsonPath("$.data.user.passwordHash").doesNotExist();
    }

    @Test
    void signsInAndTellsWhoTheCallerIs() {
        String email = uniqueEmail();
        String orgId = read(register(email, PASSWORD).expectStatus().isCreated(), "$.data.organisation.id");

        login(email.toUpperCase(), PASSWORD).expectStatus().isOk().expectBody()
                .jsonPath("$.data.accessToken").isNotEmpty()
                .jsonPath("$.data.tokenType").isEqualTo("Bearer")
                .jsonPath("$.data.expiresIn").isEqualTo(3600);

        http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(accessToken(email, PASSWORD))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.email").isEqualTo(email)
                .jsonPath("$.data.organisation.id").isEqualTo(orgId)
                .jsonPath("$.data.roles[0]").isEqualTo("admin");
    }

    @Test
    void aConfiguredOperatorSignsInWithTheOpsRoleAndNobodyElseDoes() {
        String operator = OPERATOR.toLowerCase(java.util.Locale.ROOT);
        register(operator, PASSWORD).expectStatus().isCreated();
        String operatorToken = accessToken(OPERATOR, PASSWORD);
        http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(operatorToken)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.roles").isEqualTo(java.util.List.of("admin", "ops"));
        assertThat(claimedRoles(operatorToken)).containsExactly("admin", "ops");

        String someone = uniqueEmail();
        register(someone, PASSWORD).expectStatus().isCreated();
        assertThat(claimedRoles(accessToken(someone, PASSWORD))).containsExactly("admin");
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> claimedRoles(String token) {
        try {
            return (java.util.List<String>) com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getClaim("roles");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noResponseAndNoLogLineContainsThePasswordOrItsHash(CapturedOutput output) {
        String email = uniqueEmail();
        String bodies = new String(register(email, PASSWORD).expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent(),
                StandardCharsets.UTF_8);
        String token = accessToken(email, PASSWORD);
        bodies += new String(login(email, PASSWORD).expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        bodies += new String(http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        login(email, "a wrong password, surely").expectStatus().isUnauthorized();

        assertThat(bodies).doesNotContain(PASSWORD).doesNotContain("$2a$").doesNotContainIgnoringCase("hash");
        assertThat(output.getAll()).as("the capture sees the service's log").contains("Registered user")
                .doesNotContain(PASSWORD).doesNotContain("a wrong password, surely")
                .doesNotContain("$2a$").doesNotContain(token);
    }

    @Test
    void storesBcryptHashesAtTheConfiguredCost() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD).expectStatus().isCreated();
        PostgresEndpoint postgres = SharedInfrastructure.get().postgres();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.prepareStatement("select password_hash from auth.users where email = ?")) {
            statement.setString(1, email);
            var result = statement.executeQuery();
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).startsWith("$2a$06$").doesNotContain(PASSWORD);
        }
    }

    @Test
    void refusesAnEmailThatIsTakenWhateverItsCase() {
        String email = uniqueEmail();
        register(email, PASSWORD).expectStatus().isCreated();
        register(email.toUpperCase(), PASSWORD).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("email_taken").jsonPath("$.status").isEqualTo(409);
    }

    @Test
    void refusesMalformedJson() {
        http().post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\": \"a@b.co\",")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed_request");
    }

    @Test
    void refusesAnInvalidEmailWithAFieldError() {
        register("not-an-email", PASSWORD).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void refusesAPasswordUnderTwelveCharactersWithAFieldError() {
        register(uniqueEmail(), "elevenchars").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void refusesAPasswordLongerThanBcryptReads() {
        register(uniqueEmail(), "ü".repeat(40)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void refusesABodyOverSixteenKilobytes() {
        String padding = "x".repeat(17 * 1024);
        http().post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + PASSWORD + "\",\"organisationName\":\"" + padding + "\"}")
                .exchange().expectStatus().isEqualTo(413).expectBody().jsonPath("$.code").isEqualTo("payload_too_large");
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() {
        String email = uniqueEmail();
        register(email, PASSWORD).expectStatus().isCreated();
        byte[] wrongPassword = login(email, "not the right password").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_credentials").returnResult().getResponseBodyContent();
        byte[] unknownEmail = login(uniqueEmail(), "not the right password").expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(new String(unknownEmail, StandardCharsets.UTF_8)).isEqualTo(new String(wrongPassword, StandardCharsets.UTF_8));
    }

    @Test
    void meNeedsAToken() {
        http().get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }
}
