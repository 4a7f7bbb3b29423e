package org.integrationhub.connector;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a pass every period, one pass at a time (a tick that comes while a pass is running is
 * dropped), logging a failed pass and going on with the next. The schedulers' shared engine;
 * each keeps its own {@code SmartLifecycle} and delegates {@code start}, {@code stop} and
 * {@code isRunning} here.
 */
public final class PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(PeriodicPass.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration period;
    private final Supplier<Mono<?>> pass;
    private volatile Disposable ticking;

    public PeriodicPass(String name, Duration initialDelay, Duration period, Supplier<Mono<?>> pass) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.period = period;
        this.pass = pass;
    }

    public void start() {
        ticking = Flux.interval(initialDelay, period)
                .onBackpressureDrop()
                .concatMap(tick -> pass.get().then().onErrorResume(failure -> {
                    log.warn("{} failed: {}", name, failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    public void stop() {
        Disposable current = ticking;
        if (current != null) {
            current.dispose();
            ticking = null;
        }
    }

    public boolean isRunning() {
        return ticking != null;
    }
}
