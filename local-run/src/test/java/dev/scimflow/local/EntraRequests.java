package dev.scimflow.local;

/** Request bodies as Microsoft Entra ID sends them by default: capitalised ops, booleans as strings. */
final class EntraRequests {

    private EntraRequests() {
    }

    static String setActive(String value) {
        return """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"%s"}]}
                """.formatted(value);
    }
}
