package org.integrationhub.auth.invitations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.security.Role;
import org.integrationhub.support.web.ApiResponse;
import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/invitations}: an admin invites a colleague into the admin's own organisation. */
@RestController
class InvitationsController {

    private final Invitations invitations;

    InvitationsController(Invitations invitations) {
        this.invitations = invitations;
    }

    record InvitationRequest(@Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 254) String email,
            @Pattern(regexp = "admin|member", message = "must be admin or member") String role) {
    }

    record InvitationView(UUID id, String invitationToken, String email, String role, Instant expiresAt) {

        @Override
        public String toString() {
            return "InvitationView[id=" + id + ", role=" + role + "]";
        }
    }

    static final class NotAnAdmin extends HubProblem {
        NotAnAdmin() {
            super(HttpStatus.FORBIDDEN, "forbidden", "Only an admin of the organisation can invite people.");
        }
    }

    @PostMapping(path = "/api/auth/invitations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<InvitationView>> invite(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody InvitationRequest request) {
        if (!caller.hasRole(Role.ADMIN)) {
            return Mono.error(new NotAnAdmin());
        }
        Role role = request.role() == null ? Role.MEMBER : Role.fromClaim(request.role());
        String email = request.email() == null ? null : request.email().trim().toLowerCase(Locale.ROOT);
        return invitations.create(caller.orgId().value(), caller.userId(), email, role)
                .map(c -> ApiResponse.of(new InvitationView(c.id(), c.token(), c.email(), c.role().claimValue(), c.expiresAt())));
    }
}
