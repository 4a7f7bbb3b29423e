package org.integrationhub.sync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** sync-worker: turns sync requests and webhooks into de-duplicated, conflict-safe external tasks. */
@SpringBootApplication
public class SyncWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SyncWorkerApplication.class, args);
    }
}
