package org.integrationhub.sandbox.faults;

import java.time.Duration;

/**
 * The faults one provider plays: a 429 (with Retry-After) on its Nth API call from now, a burst of
 * server errors, and added latency on every call. Zero or null means "not this fault".
 */
public record FaultPlan(int rateLimitOnCall, int retryAfterSeconds, int serverErrors, int serverErrorStatus, Duration latency) {

    public FaultPlan {
        retryAfterSeconds = retryAfterSeconds <= 0 ? 1 : retryAfterSeconds;
        serverErrorStatus = serverErrorStatus <= 0 ? 503 : serverErrorStatus;
        latency = latency == null ? Duration.ZERO : latency;
    }

    public static FaultPlan none() {
        return new FaultPlan(0, 0, 0, 0, Duration.ZERO);
    }
}
