package dev.scimflow.scim;

/**
 * A SCIM error: an HTTP status, the RFC 7644 {@code scimType} where one applies, and a detail shown to the IdP's
 * admin. Factories are named after the RFC's {@code scimType} values. Keep personal data out of the detail.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;
    private final long retryAfterSeconds;

    public ScimException(int status, String scimType, String detail) {
        this(status, scimType, detail, 0);
    }

    private ScimException(int status, String scimType, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(400, "invalidPath", detail);
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(400, "noTarget", detail);
    }

    public static ScimException mutability(String detail) {
        return new ScimException(400, "mutability", detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, "uniqueness", detail);
    }

    public static ScimException notFound(String resourceType, String id) {
        return new ScimException(404, null, resourceType + " " + id + " not found");
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    public static ScimException unavailable(String detail, long retryAfterSeconds) {
        return new ScimException(503, null, detail, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
