package org.integrationhub.sandbox.oauth;

import java.util.Map;
import java.util.Optional;
import org.integrationhub.sandbox.data.SandboxPerson;

/** A provider's own part of the shared authorize step, {@link AuthorizeFlow}; {@code request} holds its parameters. */
public interface ConsentSteps {

    /** The error to redirect with when the request, from a known client, cannot be consented to; empty when it can. */
    Optional<Map<String, String>> invalid(Map<String, String> request);

    /** The person the request names, to approve automatically or to pre-select; null for none. */
    String hint(Map<String, String> request);

    ConsentScreen screen(Map<String, String> request, String hint);

    /** Issues the authorization code of {@code person}'s consent. */
    String issueCode(Map<String, String> request, SandboxPerson person);
}
