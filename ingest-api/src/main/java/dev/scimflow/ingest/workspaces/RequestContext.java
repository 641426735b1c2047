package dev.scimflow.ingest.workspaces;

import dev.scimflow.scim.ScimException;
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
            // fails closed: a handler reached without the authentication filter answers as if unauthenticated
            throw new ScimException(401, null, "Missing or invalid SCIM token");
        }
        return (RequestContext) context;
    }
}
