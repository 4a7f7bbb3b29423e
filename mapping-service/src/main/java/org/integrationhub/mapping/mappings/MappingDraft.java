package org.integrationhub.mapping.mappings;

import java.util.Locale;
import java.util.UUID;
import org.integrationhub.events.ExternalSystem;

/** A validated mapping as a caller wants it, before it is stored; the email is lower-cased. */
record MappingDraft(ExternalSystem system, String externalEmail, String externalUserId, UUID resourceId) {

    MappingDraft {
        externalEmail = externalEmail == null || externalEmail.isBlank() ? null : externalEmail.trim().toLowerCase(Locale.ROOT);
        externalUserId = externalUserId == null || externalUserId.isBlank() ? null : externalUserId.trim();
    }
}
