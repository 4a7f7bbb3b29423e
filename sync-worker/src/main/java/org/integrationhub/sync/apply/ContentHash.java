package org.integrationhub.sync.apply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.integrationhub.events.Person;
import org.integrationhub.events.TaskObserved;

/**
 * SHA-256 (lower-case hex) of an observation's normalised fields: what a user can see of the task.
 * The source, the source updated time and the raw payload are left out, so two observations of
 * the same content hash alike. Labels are sorted and e-mails lower-cased.
 */
final class ContentHash {

    private static final String SEPARATOR = "\u001f";

    private ContentHash() {
    }

    static String of(TaskObserved observed) {
        Person assignee = observed.assignee();
        String normalised = String.join(SEPARATOR, Stream.of(
                        observed.connectionId().toString(), observed.key(), observed.title(), observed.status(),
                        observed.statusCategory(), observed.kind() == null ? null : observed.kind().wireName(),
                        assignee == null ? null : assignee.externalUserId(),
                        assignee == null || assignee.email() == null ? null : assignee.email().toLowerCase(Locale.ROOT),
                        assignee == null ? null : assignee.displayName(), observed.projectKey(),
                        String.join(",", observed.labels().stream().sorted().toList()), observed.url(),
                        observed.sourceCreatedAt() == null ? null : observed.sourceCreatedAt().toString(),
                        Boolean.toString(observed.deleted()))
                .map(field -> Objects.toString(field, "\u0000"))
                .toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
