package dev.scimflow.ingest.workspaces;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.scimflow.ingest.IngestProperties;
import dev.scimflow.ingest.scim.RequestPaths;
import dev.scimflow.ingest.scim.ScimJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards {@code /admin/v1} with the admin credential ({@code ADMIN_API_KEY}), sent as {@code Authorization: Bearer
 * <key>} and compared in constant time. SCIM tokens are never accepted here. Without a configured key the admin API
 * refuses every request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdminAuthFilter extends OncePerRequestFilter {

    /** Request attribute set once the admin credential is verified; the admin handlers require it. */
    static final String AUTHENTICATED = AdminAuthFilter.class.getName() + ".authenticated";

    private final byte[] keyDigest;

    AdminAuthFilter(IngestProperties properties) {
        String key = properties.adminApiKey();
        this.keyDigest = key == null || key.isBlank() ? null : digest(key.strip());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.of(request).startsWith("/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (keyDigest == null || !bearer || !MessageDigest.isEqual(keyDigest, digest(header.substring(7).strip()))) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\"");
            ScimJson.writeError(response, HttpStatus.UNAUTHORIZED, keyDigest == null
                    ? "The admin API is disabled: set ADMIN_API_KEY" : "Missing or invalid admin credential", headers);
            return;
        }
        request.setAttribute(AUTHENTICATED, Boolean.TRUE);
        chain.doFilter(request, response);
    }

    private static byte[] digest(String value) {
        return Tokens.hash(value).getBytes(StandardCharsets.US_ASCII);
    }
}
