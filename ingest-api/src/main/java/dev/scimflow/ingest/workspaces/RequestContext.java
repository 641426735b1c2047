package dev.scimflow.ingest.workspaces;

import jakarta.servlet.http.HttpServletRequest;

/** The authenticated workspace and trace id of a SCIM request, as set by the authentication filter. */
public record RequestContext(String workspaceId, String traceId) {

    public static RequestContext of(HttpServletRequest request) {
        Object workspace = request.getAttribute(ScimAuthFilter.WORKSPACE);
        if (workspace == null) {
            throw new IllegalStateException("request reached a SCIM handler without authentication");
        }
        return new RequestContext((String) workspace, (String) request.getAttribute(ScimAuthFilter.TRACE));
    }
}
