package dev.scimflow.ingest.scim;

import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request as the handler mapping sees it: within the servlet mapping, decoded, without
 * {@code ;parameters}. Filters that guard paths must decide on this one, never on the raw URI, or
 * {@code /%61dmin/...} would slip past them. Handlers check the filters' marks as well (fail closed).
 */
public final class RequestPaths {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    static {
        PATHS.setUrlDecode(true);
        PATHS.setRemoveSemicolonContent(true);
    }

    private RequestPaths() {
    }

    public static String of(HttpServletRequest request) {
        return PATHS.getLookupPathForRequest(request);
    }
}
