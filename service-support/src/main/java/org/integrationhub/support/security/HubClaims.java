package org.integrationhub.support.security;

/** Names of the claims the hub puts into its JWTs besides the registered ones (iss, sub, aud, exp, nbf, iat, jti). */
public final class HubClaims {

    /** "user" for a person's token, "service" for a service token. */
    public static final String KIND = "kind";
    /** The user's organisation id (user tokens only). */
    public static final String ORG = "org";
    /** The user's roles in that organisation (user tokens only). */
    public static final String ROLES = "roles";
    /** Space-separated scopes (service tokens only). */
    public static final String SCOPE = "scope";

    public static final String KIND_USER = "user";
    public static final String KIND_SERVICE = "service";
    /** Subject prefix of service tokens: {@code service:sync-worker}. */
    public static final String SERVICE_SUBJECT_PREFIX = "service:";

    private HubClaims() {
    }
}
