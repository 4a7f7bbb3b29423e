package org.integrationhub.sandbox.oauth;

import java.util.List;
import java.util.Optional;
import org.integrationhub.sandbox.data.SandboxPerson;

/** A provider's registered OAuth app and the people who can sign in, as {@link AuthorizeFlow} checks them. */
public interface RegisteredApp {

    String clientId();

    /** The registered callback URLs; the first is the default. */
    List<String> redirectUris();

    List<SandboxPerson> people();

    /** The person with this provider's id ({@code null}: nobody). */
    Optional<SandboxPerson> person(String id);

    default boolean knowsClient(String clientId) {
        return clientId().equals(clientId);
    }

    /** Exact match against the registered callback URLs. */
    default boolean registered(String redirectUri) {
        return redirectUris().contains(redirectUri);
    }

    /** The callback used when the request names none. */
    default String defaultRedirectUri() {
        return redirectUris().get(0);
    }
}
