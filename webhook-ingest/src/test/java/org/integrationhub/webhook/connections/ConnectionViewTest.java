package org.integrationhub.webhook.connections;

import static org.assertj.core.api.Assertions.assertThat;

import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.junit.jupiter.api.Test;

class ConnectionViewTest {

    private final ConnectionId id = ConnectionId.random();
    private final OrgId org = OrgId.random();

    private KnownConnection revision(long revision, boolean enabled) {
        return new KnownConnection(id, org, ExternalSystem.GITHUB, "oauth", enabled, "secret-" + revision, revision);
    }

    @Test
    void aStaleSnapshotNeverReplacesANewerOne() {
        ConnectionView view = new ConnectionView();
        view.put(revision(5, false));
        view.put(revision(4, true));

        assertThat(view.find(id)).hasValueSatisfying(c -> assertThat(c.revision()).isEqualTo(5));
        view.put(revision(6, true));
        assertThat(view.find(id)).hasValueSatisfying(c -> assertThat(c.enabled()).isTrue());
    }

    @Test
    void aTombstoneRemovesTheConnectionAndCatchingUpIsOneWay() {
        ConnectionView view = new ConnectionView();
        view.put(revision(1, true));
        assertThat(view.isCaughtUp()).isFalse();
        view.markCaughtUp();
        view.remove(id);

        assertThat(view.find(id)).isEmpty();
        assertThat(view.isCaughtUp()).isTrue();
    }

    @Test
    void itsTextNeverShowsTheSecret() {
        assertThat(revision(3, true).toString()).doesNotContain("secret-3").contains("webhookSecret=set");
    }
}
