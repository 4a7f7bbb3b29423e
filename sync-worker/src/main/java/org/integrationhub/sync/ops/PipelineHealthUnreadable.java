package org.integrationhub.sync.ops;

import org.integrationhub.support.web.HubProblem;
import org.springframework.http.HttpStatus;

/** Kafka did not answer the offset queries in time. */
class PipelineHealthUnreadable extends HubProblem {

    PipelineHealthUnreadable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "pipeline_health_unreadable",
                "Kafka did not answer the offset queries in time (" + cause.getClass().getSimpleName() + "); try again.");
    }
}
