package dev.scimflow.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies as Okta sends them (Okta's SCIM 2.0 integration guide). */
final class OktaRequests {

    static final String SET_INACTIVE = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":false}}]}
            """;

    private OktaRequests() {
    }

    static String createUser(String userName) {
        return createUser(userName, userName);
    }

    static String createUser(String userName, String email) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s",
                 "name":{"givenName":"Jane","familyName":"Doe"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Jane Doe","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
                 "groups":[],"password":"placeholder-password","active":true}
                """.formatted(userName, email);
    }

    /** The whole user as Okta last read it, with a new given name: Okta's PUT profile update. */
    static String profileUpdate(JsonNode lastRead, String givenName) {
        ObjectNode user = (ObjectNode) lastRead.deepCopy();
        ((ObjectNode) user.get("name")).put("givenName", givenName);
        return user.toString();
    }
}
