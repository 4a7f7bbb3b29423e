package org.integrationhub.sandbox.oauth;

/** The token issuers the sandbox plays. */
public enum Provider {
    ATLASSIAN, GITHUB, SLACK
}
