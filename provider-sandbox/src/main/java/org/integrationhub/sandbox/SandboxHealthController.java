package org.integrationhub.sandbox;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /actuator/health}: the sandbox is up once it answers (the devstack waits for it). */
@RestController
class SandboxHealthController {

    @GetMapping("/actuator/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
