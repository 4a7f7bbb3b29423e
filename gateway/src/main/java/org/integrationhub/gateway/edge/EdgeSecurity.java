package org.integrationhub.gateway.edge;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.integrationhub.gateway.session.SessionCookies;
import org.integrationhub.support.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's security chain. It authenticates nobody itself (each service verifies the bearer
 * token it is given); it sets the security headers on every answer and demands a CSRF token on
 * state-changing browser requests: every POST/PUT/PATCH/DELETE to the UI, and to the APIs when
 * the request carries the session cookie and no Authorization header of its own. Scripts with a
 * bearer token and webhooks need none.
 */
public final class EdgeSecurity {

    /**
     * No inline script or style; htmx comes from this origin; nobody may frame the UI. Forms post to this origin only,
     * but a form may be redirected on to the OAuth providers' consent pages ({@code consentOrigins}): browsers apply
     * {@code form-action} to the redirects after a form too, and the "Connect" buttons are forms (ADR 0019).
     */
    public static String contentSecurityPolicy(List<String> consentOrigins) {
        String formTargets = consentOrigins.stream().map(String::trim).filter(origin -> origin.matches("https?://[A-Za-z0-9.:-]+"))
                .map(origin -> " " + origin).collect(Collectors.joining());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action 'self'" + formTargets + "; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
    }

    public static final String CSRF_COOKIE = "XSRF-TOKEN";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private EdgeSecurity() {
    }

    public static SecurityWebFilterChain chain(ServerHttpSecurity http, SessionCookies sessions, List<String> consentOrigins) {
        CookieServerCsrfTokenRepository tokens = new CookieServerCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        // masked tokens (the default), also read from multipart forms (People's CSV upload)
        XorServerCsrfTokenRequestAttributeHandler requestTokens = new XorServerCsrfTokenRequestAttributeHandler();
        requestTokens.setTokenFromMultipartDataEnabled(true);
        return http
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(tokens)
                        .csrfTokenRequestHandler(requestTokens)
                        .requireCsrfProtectionMatcher(browserStateChange(sessions))
                        .accessDeniedHandler((exchange, denied) -> Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
                                "csrf_token_invalid", "This request did not carry this site's form token. Reload the page and try again.")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(consentOrigins)))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .build();
    }

    private static ServerWebExchangeMatcher browserStateChange(SessionCookies sessions) {
        return exchange -> needsCsrfToken(exchange, sessions)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    static boolean needsCsrfToken(ServerWebExchange exchange, SessionCookies sessions) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (SAFE.contains(request.getMethod()) || path.startsWith("/webhooks/")) {
            return false;
        }
        if (path.startsWith("/ui/")) {
            return true;
        }
        return request.getCookies().containsKey(sessions.cookieName())
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    }
}
