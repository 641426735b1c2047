package dev.scimflow.ingest.workspaces;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.scimflow.ingest.scim.RequestPaths;
import dev.scimflow.ingest.scim.ScimJson;
import dev.scimflow.ingest.scim.StoreErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates SCIM requests and applies the workspace's rate limit. The token alone identifies the workspace;
 * both {@code Authorization: Bearer <token>} and Okta's header mode (the bare token) are accepted. A missing or
 * unknown token gets 401 with a SCIM error body, the same for every failure, so that it reveals nothing about
 * which workspaces exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ScimAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ScimAuthFilter.class);
    private static final int MAX_TOKEN_LENGTH = 512;

    private final Workspaces workspaces;
    private final RateLimits limits;

    ScimAuthFilter(Workspaces workspaces, RateLimits limits) {
        this.workspaces = workspaces;
        this.limits = limits;
    }

    /** SCIM requests, but for the discovery endpoints, which hold no workspace data. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return !path.startsWith("/scim/") || path.startsWith("/scim/v2/ServiceProviderConfig")
                || path.startsWith("/scim/v2/ResourceTypes") || path.startsWith("/scim/v2/Schemas");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = traceId(request);
        MDC.put("traceId", traceId);
        try {
            Optional<String> workspace;
            try {
                workspace = token(request).flatMap(workspaces::findByToken);
            }
            catch (RuntimeException ex) {
                if (!StoreErrors.isUnavailable(ex)) {
                    throw ex;
                }
                log.warn("cannot authenticate: the store is unreachable ({})", ex.getClass().getSimpleName());
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(StoreErrors.RETRY_AFTER_SECONDS));
                ScimJson.writeError(response, HttpStatus.SERVICE_UNAVAILABLE, StoreErrors.DETAIL, headers);
                return;
            }
            if (workspace.isEmpty()) {
                log.debug("refused a SCIM request without a valid token");
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"");
                ScimJson.writeError(response, HttpStatus.UNAUTHORIZED, "Missing or invalid SCIM token", headers);
                return;
            }
            String workspaceId = workspace.get();
            if (!limits.tryAcquire(workspaceId)) {
                log.debug("workspace {} is over its rate limit", workspaceId);
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(limits.retryAfterSeconds()));
                ScimJson.writeError(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests for this workspace;"
                        + " retry after the number of seconds in Retry-After", headers);
                return;
            }
            String client = request.getHeader(HttpHeaders.USER_AGENT);
            workspaces.recordCall(workspaceId, client);
            request.setAttribute(RequestContext.ATTRIBUTE, new RequestContext(workspaceId, traceId, client));
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove("traceId");
        }
    }

    private static Optional<String> token(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).strip();
        }
        return value.isEmpty() || value.length() > MAX_TOKEN_LENGTH ? Optional.empty() : Optional.of(value);
    }

    private static String traceId(HttpServletRequest request) {
        String given = request.getHeader("X-Request-Id");
        if (given != null && given.matches("[A-Za-z0-9._-]{1,64}")) {
            return given;
        }
        return UUID.randomUUID().toString().replace("-", "");
    }
}
