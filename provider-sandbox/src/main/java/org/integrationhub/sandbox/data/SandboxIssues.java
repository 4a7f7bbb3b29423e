package org.integrationhub.sandbox.data;

/** Names shared by the data classes. */
public final class SandboxIssues {

    private SandboxIssues() {
    }

    /** Which provider an issue belongs to. */
    public enum Kind {
        JIRA, GITHUB
    }
}
