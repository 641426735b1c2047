package dev.scimflow.scim.schema;

import static dev.scimflow.scim.schema.Attribute.Mutability.IMMUTABLE;
import static dev.scimflow.scim.schema.Attribute.Mutability.READ_ONLY;
import static dev.scimflow.scim.schema.Attribute.Mutability.WRITE_ONLY;
import static dev.scimflow.scim.schema.Attribute.Returned.ALWAYS;
import static dev.scimflow.scim.schema.Attribute.Returned.NEVER;
import static dev.scimflow.scim.schema.Attribute.Type.BINARY;
import static dev.scimflow.scim.schema.Attribute.Type.BOOLEAN;
import static dev.scimflow.scim.schema.Attribute.Type.REFERENCE;

import java.util.List;

/**
 * The schemas and resource types this server supports: RFC 7643's User with the enterprise extension, and Group.
 * Attributes outside them are not stored.
 */
public final class Schemas {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public static final ResourceSchema USER_SCHEMA = new ResourceSchema(USER, "User", "User Account", List.of(
            Attribute.string("id", "Unique identifier of the user, assigned by the service provider").asCaseExact()
                    .withMutability(READ_ONLY).withReturned(ALWAYS).withUniqueness("server"),
            Attribute.string("externalId", "Identifier of the user in the identity provider").asCaseExact(),
            Attribute.string("userName", "Unique identifier for the user, an email address").asRequired()
                    .withUniqueness("server"),
            Attribute.complex("name", "The components of the user's name",
                    Attribute.string("formatted", "The full name"),
                    Attribute.string("familyName", "The family name"),
                    Attribute.string("givenName", "The given name"),
                    Attribute.string("middleName", "The middle name"),
                    Attribute.string("honorificPrefix", "The honorific prefix"),
                    Attribute.string("honorificSuffix", "The honorific suffix")),
            Attribute.string("displayName", "The name of the user, suitable for display"),
            Attribute.string("nickName", "The casual way to address the user"),
            Attribute.of("profileUrl", REFERENCE, "A URI of the user's online profile"),
            Attribute.string("title", "The user's title"),
            Attribute.string("userType", "The relationship of the user to the organisation"),
            Attribute.string("preferredLanguage", "The user's preferred written or spoken language"),
            Attribute.string("locale", "The user's default location"),
            Attribute.string("timezone", "The user's time zone"),
            Attribute.of("active", BOOLEAN, "False when the user is deactivated (Disabled; cannot sign in)"),
            Attribute.string("password", "Never stored or returned").withMutability(WRITE_ONLY).withReturned(NEVER),
            multiValuedContact("emails", "Email addresses"),
            multiValuedContact("phoneNumbers", "Phone numbers"),
            multiValuedContact("ims", "Instant messaging addresses"),
            multiValuedContact("photos", "URLs of photos"),
            Attribute.complex("addresses", "Physical mailing addresses",
                    Attribute.string("formatted", "The full address"),
                    Attribute.string("streetAddress", "The street address"),
                    Attribute.string("locality", "The city or locality"),
                    Attribute.string("region", "The state or region"),
                    Attribute.string("postalCode", "The postal code"),
                    Attribute.string("country", "The country"),
                    Attribute.string("type", "A label: work, home, other"),
                    Attribute.of("primary", BOOLEAN, "Whether this is the primary address")).asMultiValued(),
            Attribute.complex("groups", "The teams the user belongs to",
                    Attribute.string("value", "The id of the group").withMutability(READ_ONLY),
                    Attribute.of("$ref", REFERENCE, "The URI of the group").withMutability(READ_ONLY),
                    Attribute.string("display", "The group's displayName").withMutability(READ_ONLY),
                    Attribute.string("type", "direct").withMutability(READ_ONLY))
                    .asMultiValued().withMutability(READ_ONLY),
            multiValuedContact("entitlements", "Entitlements"),
            multiValuedContact("roles", "Roles"),
            Attribute.complex("x509Certificates", "Certificates",
                    Attribute.of("value", BINARY, "The certificate"),
                    Attribute.string("display", "A label"),
                    Attribute.string("type", "A label"),
                    Attribute.of("primary", BOOLEAN, "Whether this is the primary value")).asMultiValued()));

    public static final ResourceSchema ENTERPRISE_USER_SCHEMA = new ResourceSchema(ENTERPRISE_USER,
            "EnterpriseUser", "Enterprise User", List.of(
                    Attribute.string("employeeNumber", "Identifier of the user within the organisation"),
                    Attribute.string("costCenter", "The cost center"),
                    Attribute.string("organization", "The organisation"),
                    Attribute.string("division", "The division"),
                    Attribute.string("department", "The department"),
                    Attribute.complex("manager", "The user's manager",
                            Attribute.string("value", "The id of the manager"),
                            Attribute.of("$ref", REFERENCE, "The URI of the manager"),
                            Attribute.string("displayName", "The manager's displayName")
                                    .withMutability(READ_ONLY))));

    public static final ResourceSchema GROUP_SCHEMA = new ResourceSchema(GROUP, "Group", "Group (a Team)", List.of(
            Attribute.string("id", "Unique identifier of the group, assigned by the service provider").asCaseExact()
                    .withMutability(READ_ONLY).withReturned(ALWAYS).withUniqueness("server"),
            Attribute.string("externalId", "Identifier of the group in the identity provider").asCaseExact(),
            Attribute.string("displayName", "The team's name, unique in the workspace").asRequired()
                    .withUniqueness("server"),
            Attribute.complex("members", "The users in the team",
                    Attribute.string("value", "The id of the user").asCaseExact().withMutability(IMMUTABLE),
                    Attribute.of("$ref", REFERENCE, "The URI of the user").withMutability(IMMUTABLE),
                    Attribute.string("display", "The user's name, as the IdP sent it").withMutability(IMMUTABLE),
                    Attribute.string("type", "User").withMutability(IMMUTABLE)).asMultiValued()));

    public static final ResourceType USERS = new ResourceType("User", "/Users", "User Account", USER_SCHEMA,
            List.of(ENTERPRISE_USER_SCHEMA));
    public static final ResourceType GROUPS = new ResourceType("Group", "/Groups", "Group (a Team)", GROUP_SCHEMA,
            List.of());

    public static final List<ResourceType> RESOURCE_TYPES = List.of(USERS, GROUPS);
    public static final List<ResourceSchema> ALL = List.of(USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA);

    private Schemas() {
    }

    private static Attribute multiValuedContact(String name, String description) {
        return Attribute.complex(name, description,
                Attribute.string("value", "The value"),
                Attribute.string("display", "A label for display"),
                Attribute.string("type", "A label: work, home, other"),
                Attribute.of("primary", BOOLEAN, "Whether this is the primary value")).asMultiValued();
    }
}
