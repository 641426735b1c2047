package dev.scimflow.scim;

import dev.scimflow.scim.schema.Attribute;
import dev.scimflow.scim.schema.ResourceSchema;
import dev.scimflow.scim.schema.ResourceType;
import dev.scimflow.scim.schema.Schemas;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery resources of RFC 7644 section 4 ({@code /ServiceProviderConfig}, {@code /ResourceTypes},
 * {@code /Schemas}), rendered from the schema definitions so that they describe exactly what is supported.
 */
public final class Discovery {

    public static final String SERVICE_PROVIDER_CONFIG_SCHEMA =
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Discovery() {
    }

    public static ObjectNode serviceProviderConfig(String baseUrl, int maxResults, int maxPayloadBytes) {
        ObjectNode config = NODES.objectNode();
        config.putArray("schemas").add(SERVICE_PROVIDER_CONFIG_SCHEMA);
        config.put("documentationUri", "https://datatracker.ietf.org/doc/html/rfc7644");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0)
                .put("maxPayloadSize", maxPayloadBytes);
        config.putObject("filter").put("supported", true).put("maxResults", maxResults);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", true);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "Bearer token")
                .put("description", "The workspace's SCIM token in the Authorization header, as 'Bearer <token>'"
                        + " or the bare token")
                .put("primary", true);
        meta(config, "ServiceProviderConfig", baseUrl + "/ServiceProviderConfig");
        return config;
    }

    public static ObjectNode resourceType(ResourceType type, String baseUrl) {
        ObjectNode resource = NODES.objectNode();
        resource.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
        resource.put("id", type.name()).put("name", type.name()).put("endpoint", type.endpoint())
                .put("description", type.description()).put("schema", type.schema().id());
        ArrayNode extensions = resource.putArray("schemaExtensions");
        type.extensions().forEach(extension -> extensions.addObject().put("schema", extension.id())
                .put("required", false));
        meta(resource, "ResourceType", baseUrl + "/ResourceTypes/" + type.name());
        return resource;
    }

    public static ObjectNode schema(ResourceSchema schema, String baseUrl) {
        ObjectNode resource = NODES.objectNode();
        resource.putArray("schemas").add(SCHEMA_SCHEMA);
        resource.put("id", schema.id()).put("name", schema.name()).put("description", schema.description());
        ArrayNode attributes = resource.putArray("attributes");
        schema.attributes().forEach(attribute -> attributes.add(attribute(attribute)));
        meta(resource, "Schema", baseUrl + "/Schemas/" + schema.id());
        return resource;
    }

    public static ObjectNode listResponse(ArrayNode resources) {
        ObjectNode list = NODES.objectNode();
        list.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        list.put("totalResults", resources.size()).put("itemsPerPage", resources.size()).put("startIndex", 1);
        list.set("Resources", resources);
        return list;
    }

    public static ArrayNode allResourceTypes(String baseUrl) {
        ArrayNode types = NODES.arrayNode();
        Schemas.RESOURCE_TYPES.forEach(type -> types.add(resourceType(type, baseUrl)));
        return types;
    }

    public static ArrayNode allSchemas(String baseUrl) {
        ArrayNode schemas = NODES.arrayNode();
        Schemas.ALL.forEach(schema -> schemas.add(schema(schema, baseUrl)));
        return schemas;
    }

    private static ObjectNode attribute(Attribute attribute) {
        ObjectNode node = NODES.objectNode();
        node.put("name", attribute.name()).put("type", attribute.type().wire())
                .put("multiValued", attribute.multiValued()).put("description", attribute.description())
                .put("required", attribute.required()).put("caseExact", attribute.caseExact())
                .put("mutability", attribute.mutability().wire()).put("returned", attribute.returned().wire())
                .put("uniqueness", attribute.uniqueness());
        if (attribute.isComplex()) {
            ArrayNode subs = node.putArray("subAttributes");
            attribute.subAttributes().forEach(sub -> subs.add(attribute(sub)));
        }
        return node;
    }

    private static void meta(ObjectNode resource, String resourceType, String location) {
        resource.putObject("meta").put("resourceType", resourceType).put("location", location);
    }
}
