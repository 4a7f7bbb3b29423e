package org.integrationhub.opscli;

/** What {@code hub-ops} exits with, for scripts (README, "Operations"). */
public final class ExitCodes {

    /** Done. */
    public static final int OK = 0;
    /** The command line is wrong (unknown option, missing token, bad value), as picocli reports it. */
    public static final int USAGE = 2;
    /** The hub refused the token: 401 (none, expired, invalid) or 403 (no {@code ops} role). */
    public static final int AUTH_REFUSED = 3;
    /** A replay ended other than {@code succeeded}: failed, cancelled or interrupted. */
    public static final int REPLAY_FAILED = 4;
    /** The hub could not be reached or failed: connection refused, timeout, 5xx. */
    public static final int SERVER_FAILURE = 5;
    /** The hub refused the request itself: 400 (a bad value), 404 (nothing there), 409 (already handled). */
    public static final int REQUEST_REFUSED = 6;

    private ExitCodes() {
    }
}
