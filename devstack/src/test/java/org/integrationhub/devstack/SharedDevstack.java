package org.integrationhub.devstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One devstack per test JVM: the first test that asks for a {@link RunningDevstack} parameter
 * starts it, every later test (in any class) gets the same one, and JUnit closes it after the last
 * test — stopping every service and failing the run if one survives. Starting the stack takes
 * minutes, so DevstackIT and DevstackBrowserJourneyIT share it instead of starting it twice.
 * Run them under {@code flock /tmp/devstack.lock} so two builds never run a devstack at once.
 */
final class SharedDevstack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDevstack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningDevstack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root context's store lives as long as the test run and closes AutoCloseable values at its end
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningDevstack.class, key -> RunningDevstack.start(),
                RunningDevstack.class);
    }
}
