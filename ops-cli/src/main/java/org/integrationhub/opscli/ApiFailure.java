package org.integrationhub.opscli;

/** A call to the operator API that did not succeed, with the exit code it stands for. */
final class ApiFailure extends RuntimeException {

    private final int exitCode;

    ApiFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** The exit code of an HTTP status that is not a success. */
    static int exitCodeOf(int status) {
        if (status == 401 || status == 403) {
            return ExitCodes.AUTH_REFUSED;
        }
        return status >= 500 ? ExitCodes.SERVER_FAILURE : ExitCodes.REQUEST_REFUSED;
    }
}
