package org.integrationhub.testsupport;

import java.util.Map;
import org.integrationhub.support.security.AuthenticatedService;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A probe endpoint a test imports into a real service to see who the service's security filter
 * chain says the caller is: {@code GET /api/_caller} (user tokens) and {@code GET /internal/_caller}
 * (service tokens).
 */
@TestComponent
@RestController
public class CallerEcho {

    @GetMapping("/api/_caller")
    ApiResponse<AuthenticatedUser> user(@AuthenticationPrincipal AuthenticatedUser caller) {
        return ApiResponse.of(caller);
    }

    @GetMapping("/internal/_caller")
    ApiResponse<Map<String, Object>> service(@AuthenticationPrincipal AuthenticatedService caller) {
        return ApiResponse.of(Map.of("name", caller.name(), "scopes", caller.scopes()));
    }
}
