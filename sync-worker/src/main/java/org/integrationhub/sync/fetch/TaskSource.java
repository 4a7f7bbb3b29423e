package org.integrationhub.sync.fetch;

import java.util.List;
import org.integrationhub.events.TaskObserved;

/** Pages through one provider's items that changed since the connection's cursors. */
interface TaskSource {

    /** Everything a source needs for one sync. */
    record Fetch(ConnectionReplica.Replicated connection, Connector.Credentials credentials, ProviderClient client,
            SyncCursors cursors, int pageSize) {
    }

    /** Receives each page: the new observations (already-fetched ones left out) and the cursor after the page. */
    interface Pages {
        void page(String scope, int itemsOnPage, List<TaskObserved> observations, Cursor cursorAfter);
    }

    void fetch(Fetch fetch, Pages pages);
}
