package dev.scimflow.local;

/** Request bodies as Microsoft Entra ID sends them by default: capitalised ops, booleans as strings. */
final class EntraRequests {

    private EntraRequests() {
    }

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** Entra's create, with the enterprise extension and a work email. */
    static String createUser(String userName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,"displayName":"Ryan Leenay",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"Ryan Leenay","familyName":"Leenay","givenName":"Ryan"},
                 "roles":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales"}}
                """.formatted(externalId, userName, userName);
    }

    /** One op per attribute, capitalised, booleans as strings, a manager as a bare string. */
    static final String PROFILE_UPDATE = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
              {"op":"Replace","path":"name.familyName","value":"Leenay-Smith"},
              {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
               "value":"701984"},
              {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"271"},
              {"op":"Add","path":"phoneNumbers[type eq \\"work\\"].value","value":"+1 555 0100"},
              {"op":"Replace","path":"active","value":"False"}]}
            """;

    static String setActive(String value) {
        return """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"%s"}]}
                """.formatted(value);
    }
}
