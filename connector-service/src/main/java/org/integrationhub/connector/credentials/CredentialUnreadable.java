package org.integrationhub.connector.credentials;

/**
 * A stored credential cannot be decrypted: its key is not configured, it was moved to another
 * connection, or it was altered. The message never contains key material or plaintext.
 */
public class CredentialUnreadable extends RuntimeException {

    public CredentialUnreadable(String reason) {
        super("Stored credential cannot be read: " + reason, null, false, false);
    }
}
