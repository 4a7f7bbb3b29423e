package org.integrationhub.support.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ends this service when the devstack launcher that started it is gone, even if the launcher was
 * killed without running its shutdown hooks, so that a devstack never leaves a process behind.
 * Active only when {@code hub.devstack.parent-pid} is set (the launcher sets it).
 */
public class ParentProcessWatchdog {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    public ParentProcessWatchdog(long parentPid, ConfigurableApplicationContext context) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> stop(context, parentPid)),
                () -> stop(context, parentPid));
    }

    private static void stop(ConfigurableApplicationContext context, long parentPid) {
        log.warn("Devstack launcher (pid {}) is gone; stopping", parentPid);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
