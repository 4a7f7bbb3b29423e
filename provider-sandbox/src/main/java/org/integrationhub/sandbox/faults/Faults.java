package org.integrationhub.sandbox.faults;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.integrationhub.sandbox.oauth.Provider;
import org.springframework.stereotype.Component;

/** The fault plans in force, per provider, and the calls counted since each plan was set. */
@Component
public class Faults {

    /** What to do to one call: answer with {@code status} (0 = let it through) after {@code delay}. */
    public record Verdict(int status, int retryAfterSeconds, Duration delay) {
    }

    private static final class State {
        final FaultPlan plan;
        int calls;
        int serverErrorsLeft;

        State(FaultPlan plan) {
            this.plan = plan;
            this.serverErrorsLeft = plan.serverErrors();
        }
    }

    private final Map<Provider, State> states = new ConcurrentHashMap<>();

    public void set(Provider provider, FaultPlan plan) {
        states.put(provider, new State(plan));
    }

    public void clear() {
        states.clear();
    }

    /** Counts the call and decides its fate. */
    public Verdict next(Provider provider) {
        State state = states.get(provider);
        if (state == null) {
            return new Verdict(0, 0, Duration.ZERO);
        }
        synchronized (state) {
            state.calls++;
            FaultPlan plan = state.plan;
            if (plan.rateLimitOnCall() > 0 && state.calls == plan.rateLimitOnCall()) {
                return new Verdict(429, plan.retryAfterSeconds(), plan.latency());
            }
            if (state.serverErrorsLeft > 0) {
                state.serverErrorsLeft--;
                return new Verdict(plan.serverErrorStatus(), plan.retryAfterSeconds(), plan.latency());
            }
            return new Verdict(0, 0, plan.latency());
        }
    }
}
