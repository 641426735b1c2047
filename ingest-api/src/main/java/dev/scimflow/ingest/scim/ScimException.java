package dev.scimflow.ingest.scim;

import org.springframework.http.HttpStatus;

/**
 * A SCIM error: becomes an RFC 7644 error body with this status, {@code scimType} and detail. Factories are named
 * after the RFC's {@code scimType} values. The detail is shown to the IdP admin: keep personal data out of it.
 */
public class ScimException extends RuntimeException {

    private final HttpStatus status;
    private final String scimType;
    private final long retryAfterSeconds;

    public ScimException(HttpStatus status, String scimType, String detail) {
        this(status, scimType, detail, 0);
    }

    private ScimException(HttpStatus status, String scimType, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "invalidFilter", detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", detail);
    }

    public static ScimException notFound(String resourceType, String id) {
        return new ScimException(HttpStatus.NOT_FOUND, null, resourceType + " " + id + " not found");
    }

    public static ScimException unavailable(String detail, long retryAfterSeconds) {
        return new ScimException(HttpStatus.SERVICE_UNAVAILABLE, null, detail, retryAfterSeconds);
    }

    public HttpStatus status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
