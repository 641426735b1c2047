package dev.scimflow.ingest.scim;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.scimflow.ingest.IngestProperties;
import dev.scimflow.scim.Discovery;
import dev.scimflow.scim.ScimException;
import dev.scimflow.scim.schema.Schemas;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery endpoints of RFC 7644 section 4. They hold no workspace data and answer without a token; any
 * method other than GET gets 405.
 */
@RestController
@RequestMapping(path = "/scim/v2", produces = {ScimJson.MEDIA_TYPE, "application/json"})
class DiscoveryController {

    private final IngestProperties properties;

    DiscoveryController(IngestProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<ObjectNode> serviceProviderConfig(HttpServletRequest request) {
        return scim(Discovery.serviceProviderConfig(ScimJson.baseUrl(request), properties.maxPageSize(),
                BodyLimitFilter.MAX_BODY_BYTES));
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<ObjectNode> resourceTypes(HttpServletRequest request) {
        return scim(Discovery.listResponse(Discovery.allResourceTypes(ScimJson.baseUrl(request))));
    }

    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<ObjectNode> resourceType(@PathVariable String name, HttpServletRequest request) {
        return scim(Schemas.RESOURCE_TYPES.stream().filter(type -> type.name().equalsIgnoreCase(name)).findFirst()
                .map(type -> Discovery.resourceType(type, ScimJson.baseUrl(request)))
                .orElseThrow(() -> ScimException.notFound("ResourceType", name)));
    }

    @GetMapping("/Schemas")
    ResponseEntity<ObjectNode> schemas(HttpServletRequest request) {
        return scim(Discovery.listResponse(Discovery.allSchemas(ScimJson.baseUrl(request))));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<ObjectNode> schema(@PathVariable String id, HttpServletRequest request) {
        return scim(Schemas.ALL.stream().filter(schema -> schema.id().equalsIgnoreCase(id)).findFirst()
                .map(schema -> Discovery.schema(schema, ScimJson.baseUrl(request)))
                .orElseThrow(() -> ScimException.notFound("Schema", id)));
    }

    private static ResponseEntity<ObjectNode> scim(ObjectNode body) {
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(body);
    }
}
