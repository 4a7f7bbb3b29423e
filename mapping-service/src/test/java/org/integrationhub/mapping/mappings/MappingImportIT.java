package org.integrationhub.mapping.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /api/external-user-mappings/import: a CSV file of mappings, all or nothing, refusals by line. */
class MappingImportIT extends MappingApiTest {

    private static final UUID ADA = UUID.randomUUID();
    private static final UUID GRACE = UUID.randomUUID();

    private WebTestClient.ResponseSpec importCsv(String csv) {
        return http().post().uri(PATH + "/import").contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange();
    }

    private long stored() {
        return Long.parseLong(read(http().get().uri(PATH + "?size=1").exchange().expectStatus().isOk(), "$.page.totalElements"));
    }

    @Test
    void importsEveryRowOfAFileWithItsLine() {
        String csv = "\uFEFFsystem,externalUserId,externalEmail,resourceId\r\n"
                + "jira,acc-ada,Ada@Example.com," + ADA + "\r\n"
                + "\r\n"
                + "github,\"grace, the admiral\",," + GRACE + "\r\n";

        importCsv(csv).expectStatus().isCreated().expectBody()
                .jsonPath("$.data.created").isEqualTo(2)
                .jsonPath("$.data.rows[0].line").isEqualTo(2)
                .jsonPath("$.data.rows[0].mapping.externalEmail").isEqualTo("ada@example.com")
                .jsonPath("$.data.rows[0].mapping.resourceId").isEqualTo(ADA.toString())
                .jsonPath("$.data.rows[1].line").isEqualTo(4)
                .jsonPath("$.data.rows[1].mapping.externalUserId").isEqualTo("grace, the admiral")
                .jsonPath("$.data.rows[1].mapping.externalSystem").isEqualTo("github");
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void storesNothingAndNamesTheLineOfEachBadRow() {
        String csv = "resourceId,externalEmail,system\n"
                + ADA + ",fine@example.com,jira\n"
                + "not-a-uuid,x@example.com,jira\n"
                + GRACE + ",broken,trello\n"
                + GRACE + ",\"unclosed,jira\n"
                + ADA + ",,jira\n";

        importCsv(csv).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[0].line").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("resourceId")
                .jsonPath("$.errors[0].message").isEqualTo("must be a UUID")
                .jsonPath("$.errors[1].line").isEqualTo(4)
                .jsonPath("$.errors[1].field").isEqualTo("externalEmail")
                .jsonPath("$.errors[2].line").isEqualTo(4)
                .jsonPath("$.errors[2].field").isEqualTo("externalSystem")
                .jsonPath("$.errors[3].line").isEqualTo(5)
                .jsonPath("$.errors[3].message").isEqualTo("has a quote that is never closed");
        assertThat(stored()).isZero();

        importCsv("system,externalEmail,resourceId\njira,one@example.com," + ADA + "\njira,,"
                + GRACE + "\njira,ONE@example.com," + GRACE + "\n").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].line").isEqualTo(4)
                .jsonPath("$.errors[0].message").isEqualTo("repeats line 2 of this file")
                .jsonPath("$.errors[1].line").isEqualTo(3);
        assertThat(stored()).isZero();
    }

    @Test
    void aRowClashingWithAStoredMappingIsNamedByLine() {
        create(mapping("slack", null, "U123", ADA)).expectStatus().isCreated();

        importCsv("system,externalUserId,resourceId\nslack,U999," + GRACE + "\nslack,U123," + GRACE + "\n")
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("mapping_exists")
                .jsonPath("$.errors[0].line").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("externalUserId");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void refusesAFileThatIsNotMappingsInWords() {
        importCsv("").expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("csv_unreadable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("The file is empty."));
        importCsv("system,colour,resourceId\n").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("\"colour\" which is not known"));
        importCsv("system,externalEmail\njira,a@example.com\n").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("resourceId"));
        importCsv("system,externalEmail,resourceId\n").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo("The file has a header line but no mappings.");
        assertThat(stored()).isZero();
    }
}
