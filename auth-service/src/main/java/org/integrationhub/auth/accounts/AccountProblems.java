package org.integrationhub.auth.accounts;

import java.time.Duration;
import java.util.Map;
import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;

/** The facts an account request can run into, each an RFC 9457 problem with a stable code. */
final class AccountProblems {

    private AccountProblems() {
    }

    static final class EmailAlreadyRegistered extends HubProblem {
        EmailAlreadyRegistered() {
            super(HttpStatus.CONFLICT, "email_taken", "An account with this email address already exists.");
        }
    }

    /** Deliberately the same for an unknown email and a wrong password. */
    static final class WrongCredentials extends HubProblem {
        WrongCredentials() {
            super(HttpStatus.UNAUTHORIZED, "invalid_credentials", "The email address or the password is wrong.");
        }
    }

    static final class TooManyLoginAttempts extends HubProblem {
        private final Duration retryAfter;

        TooManyLoginAttempts(Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts", "Too many failed sign-ins; try again later.");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("retryAfterSeconds", retryAfter.toSeconds());
        }
    }

    static final class InvitationNotUsable extends HubProblem {
        InvitationNotUsable() {
            super(HttpStatus.BAD_REQUEST, "invitation_invalid", "The invitation is unknown, already used or expired.");
        }
    }

    static final class AccountGone extends HubProblem {
        AccountGone() {
            super(HttpStatus.UNAUTHORIZED, "unauthorized", "The account behind this token no longer exists.");
        }
    }
}
