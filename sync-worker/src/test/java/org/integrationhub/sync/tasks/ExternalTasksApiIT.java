package org.integrationhub.sync.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.MappingId;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.Person;
import org.integrationhub.sync.Observations;
import org.integrationhub.sync.SyncWorkerTest;
import org.integrationhub.testsupport.JsonBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/external-tasks: organisation-scoped, filtered and paged; one task with its raw payload and provenance. */
class ExternalTasksApiIT extends SyncWorkerTest {

    private static final String PATH = "/api/external-tasks";

    private final Observations github = new Observations(organisation, ExternalSystem.GITHUB);
    private final OrgId stranger = OrgId.random();
    private final Observations strangers = new Observations(stranger, ExternalSystem.JIRA);

    @BeforeEach
    void twoOrganisationsWithTasks() {
        publish(jira.polled("api-1", "Login page", 1, new Person("acc-7", "Dev@Example.com", "Dev"), "To Do"),
                jira.polled("api-2", "Signup page", 30, null, "Done"),
                github.polled("octo/repo#12", "Flaky test", 60, new Person("octocat", null, "Octo"), "open"),
                strangers.polled("api-1", "Not yours", 1));
        await("four tasks applied").atMost(Duration.ofSeconds(60))
                .until(() -> tasksOf(organisation) == 3 && tasksOf(stranger) == 1);
    }

    private long total(String query) {
        return Long.parseLong(JsonBodies.read(http(organisation).get().uri(PATH + query).exchange().expectStatus().isOk(),
                "$.page.totalElements"));
    }

    @Test
    void listsOnlyTheCallersTasksNewestFirstInPages() {
        http(organisation).get().uri(PATH + "?size=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(2)
                .jsonPath("$.data[0].externalId").isEqualTo("octo/repo#12")
                .jsonPath("$.data[0].system").isEqualTo("github")
                .jsonPath("$.data[1].externalId").isEqualTo("api-2")
                .jsonPath("$.page.totalElements").isEqualTo(3)
                .jsonPath("$.page.totalPages").isEqualTo(2);
        http(organisation).get().uri(PATH + "?size=2&page=1").exchange().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].title").isEqualTo("Login page");
        http(stranger).get().uri(PATH).exchange().expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(1)
                .jsonPath("$.data[0].title").isEqualTo("Not yours");
    }

    @Test
    void filtersByConnectionSystemStatusAssigneeAndUpdatedTime() {
        assertThat(total("?system=github")).isEqualTo(1);
        assertThat(total("?connectionId=" + jira.connection())).isEqualTo(2);
        assertThat(total("?status=done")).as("status, any case").isEqualTo(1);
        assertThat(total("?assignee=dev@example.com")).as("assignee by e-mail, any case").isEqualTo(1);
        assertThat(total("?assignee=octocat")).as("assignee by external user id").isEqualTo(1);
        assertThat(total("?updatedSince=" + Observations.T0.plusSeconds(60 * 30))).isEqualTo(2);
        assertThat(total("?resourceId=" + UUID.randomUUID())).isZero();
        assertThat(total("?deleted=true")).isZero();
    }

    private void mapDev() {
        publishMapping(new UserMappingKey(organisation, ExternalSystem.JIRA, "acc-7"),
                new UserMappingChanged(MappingId.random(), ExternalSystem.JIRA, null, "acc-7", ResourceId.random(), Instant.now()));
        await("acc-7's task mapped").atMost(Duration.ofSeconds(60)).until(() -> task(organisation, "api-1").get("resource_id") != null);
    }

    @Test
    void filtersByWhetherTheAssigneeIsMapped() {
        assertThat(total("?mapped=false")).as("assigned, nobody mapped yet").isEqualTo(2);
        mapDev();

        assertThat(total("?mapped=true")).isEqualTo(1);
        assertThat(total("?mapped=false")).as("the unassigned task is neither").isEqualTo(1);
        http(organisation).get().uri(PATH + "?mapped=false").exchange().expectBody().jsonPath("$.data[0].externalId").isEqualTo("octo/repo#12");
    }

    @Test
    void listsTheAssigneesSeenInTasksMappedOrNot() {
        mapDev();

        http(organisation).get().uri(PATH + "/assignees?mapped=false").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].system").isEqualTo("github")
                .jsonPath("$.data[0].externalUserId").isEqualTo("octocat")
                .jsonPath("$.data[0].displayName").isEqualTo("Octo")
                .jsonPath("$.data[0].taskCount").isEqualTo(1)
                .jsonPath("$.data[0].mapped").isEqualTo(false);
        http(organisation).get().uri(PATH + "/assignees").exchange().expectBody()
                .jsonPath("$.data.length()").isEqualTo(2)
                .jsonPath("$.data[?(@.externalUserId == 'acc-7')].email").isEqualTo("Dev@Example.com")
                .jsonPath("$.data[?(@.externalUserId == 'acc-7')].mapped").isEqualTo(true);
        http(stranger).get().uri(PATH + "/assignees").exchange().expectBody().jsonPath("$.data.length()").isEqualTo(0);
        http(organisation).get().uri(PATH + "/assignees?mapped=perhaps").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("mapped");
    }

    @Test
    void countsTheLiveTasksByStatusSystemConnectionAndAssignment() {
        mapDev();

        http(organisation).get().uri(PATH + "/stats").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.total").isEqualTo(3)
                .jsonPath("$.data.bySystem[0].value").isEqualTo("jira")
                .jsonPath("$.data.bySystem[0].count").isEqualTo(2)
                .jsonPath("$.data.bySystem[1].value").isEqualTo("github")
                .jsonPath("$.data.byStatus.length()").isEqualTo(3)
                .jsonPath("$.data.byConnection[0].connectionId").isEqualTo(jira.connection().toString())
                .jsonPath("$.data.byConnection[0].count").isEqualTo(2)
                .jsonPath("$.data.assignment.mapped").isEqualTo(1)
                .jsonPath("$.data.assignment.unmapped").isEqualTo(1)
                .jsonPath("$.data.assignment.unassigned").isEqualTo(1);
        http(stranger).get().uri(PATH + "/stats").exchange().expectBody().jsonPath("$.data.total").isEqualTo(1);
    }

    @Test
    void readsOneTaskWithItsRawPayloadAndProvenance() {
        String id = JsonBodies.read(http(organisation).get().uri(PATH + "?system=github").exchange(), "$.data[0].id");
        var observed = github.polled("octo/repo#12", "Flaky test", 60, new Person("octocat", null, "Octo"), "open");
        http(organisation).get().uri(PATH + "/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.task.key").isEqualTo("PROJ-octo/repo#12")
                .jsonPath("$.data.task.assignee.externalUserId").isEqualTo("octocat")
                .jsonPath("$.data.task.version").isEqualTo(1)
                .jsonPath("$.data.rawPayload").isEqualTo(observed.payload().rawPayload())
                .jsonPath("$.data.provenance.source").isEqualTo("poll")
                .jsonPath("$.data.provenance.sourceUpdatedAt").isEqualTo("2026-11-01T10:00:00Z")
                .jsonPath("$.data.provenance.contentHash").value(hash -> assertThat((String) hash).hasSize(64))
                .jsonPath("$.data.provenance.lastEventId").exists()
                .jsonPath("$.data.provenance.lastStaleReason").doesNotExist();
    }

    @Test
    void anotherOrganisationsTaskIsNotFound() {
        String id = JsonBodies.read(http(stranger).get().uri(PATH).exchange(), "$.data[0].id");
        http(organisation).get().uri(PATH + "/" + id).exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("external_task_not_found");
        http(organisation).get().uri(PATH + "/" + UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @CsvSource({"connectionId, not-a-uuid", "resourceId, 42", "system, trello", "updatedSince, yesterday", "size, 0", "size, 201",
            "page, -1", "page, x", "deleted, maybe", "mapped, perhaps", "status, ' '"})
    void refusesABadFilterNamingIt(String field, String value) {
        http(organisation).get().uri(builder -> builder.path(PATH).queryParam(field, value).build()).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void needsASignedInUser() {
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build()
                .get().uri(PATH).exchange().expectStatus().isUnauthorized();
    }
}
