package org.integrationhub.support.crypto;

/**
 * A sealed value cannot be opened: its key is not configured, it was sealed for another context,
 * it was altered, or it is not a sealed value at all. The message never contains key material or
 * plaintext.
 */
public class SealedValueUnreadable extends RuntimeException {

    public SealedValueUnreadable(String reason) {
        super("Sealed value cannot be read: " + reason, null, false, false);
    }
}
