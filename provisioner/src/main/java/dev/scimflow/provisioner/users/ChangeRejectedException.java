package dev.scimflow.provisioner.users;

/** A change the provisioner refuses; becomes a 4xx outcome, never a retry. */
class ChangeRejectedException extends RuntimeException {

    private final int status;
    private final String scimType;

    ChangeRejectedException(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    static ChangeRejectedException mutability(String attribute) {
        return new ChangeRejectedException(400, "mutability", attribute
                + " cannot be changed: username and email changes are not supported here; contact support to"
                + " change them");
    }

    static ChangeRejectedException invalidValue(String detail) {
        return new ChangeRejectedException(400, "invalidValue", detail);
    }

    static ChangeRejectedException invalidPath(String detail) {
        return new ChangeRejectedException(400, "invalidPath", detail);
    }

    static ChangeRejectedException uniqueness(String detail) {
        return new ChangeRejectedException(409, "uniqueness", detail);
    }

    static ChangeRejectedException notFound(String id) {
        return new ChangeRejectedException(404, null, "User " + id + " not found");
    }

    int status() {
        return status;
    }

    String scimType() {
        return scimType;
    }
}
