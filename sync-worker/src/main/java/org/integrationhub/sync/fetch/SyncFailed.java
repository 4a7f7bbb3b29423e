package org.integrationhub.sync.fetch;

/**
 * A sync that cannot complete, with a reason fit for the sync run's {@code error} (never a token,
 * a secret or a response body).
 */
public class SyncFailed extends RuntimeException {

    public SyncFailed(String reason) {
        super(reason, null, false, false);
    }
}
