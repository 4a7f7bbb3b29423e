package org.integrationhub.sync.ops;

import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;

/** What can go wrong with a dead letter an operator names. */
final class DeadLetterProblems {

    private DeadLetterProblems() {
    }

    static final class DeadLetterNotFound extends HubProblem {
        DeadLetterNotFound(DeadLetter.Position position) {
            super(HttpStatus.NOT_FOUND, "dead_letter_not_found", "No dead letter at " + position + ".");
        }
    }

    static final class DeadLetterAlreadyHandled extends HubProblem {
        DeadLetterAlreadyHandled(DeadLetter.Position position) {
            super(HttpStatus.CONFLICT, "dead_letter_already_handled", "The dead letter at " + position + " was handled before.");
        }
    }

    static final class DeadLetterHasNoOrigin extends HubProblem {
        DeadLetterHasNoOrigin(DeadLetter.Position position) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "dead_letter_without_origin",
                    "The dead letter at " + position + " does not name a catalogue topic it came from.");
        }
    }

    static final class RedriveNeedsAFilter extends HubProblem {
        RedriveNeedsAFilter() {
            super(HttpStatus.BAD_REQUEST, "redrive_needs_filter", "Name a topic, key or reason, or set all to true.");
        }
    }
}
