package org.integrationhub.sandbox.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.integrationhub.sandbox.oauth.Provider;
import org.springframework.stereotype.Component;

/** The registered webhook targets of every provider. */
@Component
public class WebhookTargets {

    private final Map<String, WebhookTarget> targets = new ConcurrentHashMap<>();

    public WebhookTarget register(Provider provider, String url, String secret, String style, String filter) {
        WebhookTarget target = new WebhookTarget(UUID.randomUUID().toString(), provider, url, secret, style, filter);
        targets.put(target.id(), target);
        return target;
    }

    public List<WebhookTarget> of(Provider provider) {
        return targets.values().stream().filter(t -> t.provider() == provider).toList();
    }

    public Optional<WebhookTarget> find(String id) {
        return Optional.ofNullable(targets.get(id));
    }

    public boolean remove(String id) {
        return targets.remove(id) != null;
    }

    public void clear() {
        targets.clear();
    }
}
