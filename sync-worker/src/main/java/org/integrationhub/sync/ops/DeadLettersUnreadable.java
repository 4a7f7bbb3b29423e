package org.integrationhub.sync.ops;

import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;

/** The dead-letter topics could not be read to their end in time (the broker is slow or away). */
class DeadLettersUnreadable extends HubProblem {

    DeadLettersUnreadable() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "dead_letters_unreadable", "The dead-letter topics could not be read in time; try again.");
    }
}
