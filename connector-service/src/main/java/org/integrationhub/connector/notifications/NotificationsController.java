package org.integrationhub.connector.notifications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/integrations/{id}/notifications}: the Slack channel and rules of the organisation's
 * Slack connection, and a test message to that channel.
 */
@RestController
@RequestMapping(path = "/api/integrations/{id}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificationsController {

    /** A channel id ({@code C…}, {@code G…}) or a channel name, with or without {@code #}. */
    private static final String CHANNEL = "[CG][A-Z0-9]{8,}|#?[a-z0-9][a-z0-9._-]{0,79}";
    private static final String PROJECT_OR_REPOSITORY = "[A-Z][A-Z0-9_]{0,9}|[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}";

    private final SlackNotificationRules notifications;

    NotificationsController(SlackNotificationRules notifications) {
        this.notifications = notifications;
    }

    record SettingsRequest(
            @NotBlank @Pattern(regexp = CHANNEL, message = "must be a Slack channel like #team-tasks or its id like C0123456789") String channel,
            Boolean enabled,
            @Size(max = 2) List<@Pattern(regexp = "jira|github", message = "must be jira or github") String> systems,
            @Size(max = 100) List<@Pattern(regexp = PROJECT_OR_REPOSITORY, message = "must be a Jira project key like PROJ or a GitHub repository like owner/repo") String> projects,
            @NotEmpty @Size(max = 4) List<@Pattern(regexp = "created|status_changed|assigned|deleted", message = "must be created, status_changed, assigned or deleted") String> changes) {
    }

    record SettingsView(String channel, boolean enabled, List<String> systems, List<String> projects, List<String> changes) {

        static SettingsView of(NotificationRules rules) {
            return new SettingsView(rules.channel(), rules.enabled(), rules.systems().stream().map(ExternalSystem::wireName).toList(),
                    rules.projects(), rules.changes().stream().map(NotificationRules.ChangeKind::wireName).toList());
        }
    }

    record TestView(boolean sent, String channel, String error) {
    }

    @GetMapping
    Mono<ApiResponse<SettingsView>> get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return notifications.get(caller.orgId(), ConnectionId.of(id)).map(rules -> ApiResponse.of(SettingsView.of(rules)));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<SettingsView>> put(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
            @Valid @RequestBody SettingsRequest request) {
        var rules = new NotificationRules(request.channel().trim(), !Boolean.FALSE.equals(request.enabled()),
                request.systems() == null ? List.of() : request.systems().stream().distinct().map(ExternalSystem::fromWireName).toList(),
                request.projects() == null ? List.of() : request.projects().stream().distinct().toList(),
                request.changes().stream().map(NotificationRules.ChangeKind::fromWireName)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationRules.ChangeKind.class))));
        return notifications.save(caller.orgId(), ConnectionId.of(id), rules).map(saved -> ApiResponse.of(SettingsView.of(saved)));
    }

    @PostMapping("/test")
    Mono<ApiResponse<TestView>> test(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return notifications.sendTest(caller.orgId(), ConnectionId.of(id)).map(result -> ApiResponse.of(view(result)));
    }

    private static TestView view(SlackNotificationRules.TestResult result) {
        if (result.outcome() instanceof SlackPoster.Result.Refused refused) {
            return new TestView(false, result.channel(), refused.error());
        }
        if (result.outcome() instanceof SlackPoster.Result.GaveUp gaveUp) {
            return new TestView(false, result.channel(), gaveUp.reason());
        }
        return new TestView(true, result.channel(), null);
    }
}
