package dev.scimflow.ingest.workspaces;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The authenticated workspace of a SCIM request, its trace id and the IdP client that sent it (its
 * User-Agent), as set by the authentication filter.
 */
public record RequestContext(String workspaceId, String traceId, String client) {

    static final String ATTRIBUTE = RequestContext.class.getName();

    public static RequestContext of(HttpServletRequest request) {
        Object context = request.getAttribute(ATTRIBUTE);
        if (context == null) {
            throw new IllegalStateException("request reached a SCIM handler without authentication");
        }
        return (RequestContext) context;
    }
}
