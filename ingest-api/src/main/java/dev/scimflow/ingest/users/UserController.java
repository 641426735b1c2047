package dev.scimflow.ingest.users;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.Topics;
import dev.scimflow.contract.UserState;
import dev.scimflow.contract.store.UserDocuments;
import dev.scimflow.ingest.IngestProperties;
import dev.scimflow.ingest.changes.ChangeGateway;
import dev.scimflow.ingest.scim.ETags;
import dev.scimflow.ingest.scim.ListQuery;
import dev.scimflow.ingest.scim.ScimJson;
import dev.scimflow.ingest.workspaces.RequestContext;
import dev.scimflow.scim.Projection;
import dev.scimflow.scim.Requests;
import dev.scimflow.scim.ScimException;
import dev.scimflow.scim.schema.Schemas;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /scim/v2/Users}. Writes are normalised, published as change events and answered with the provisioner's
 * outcome, asynchronously (no servlet thread waits); reads come from the {@code users} collection.
 */
@RestController
@RequestMapping(path = "/scim/v2/Users", produces = {ScimJson.MEDIA_TYPE, "application/json"})
class UserController {

    private static final String JSON_BODIES = "application/json";

    private final ChangeGateway gateway;
    private final UserReads reads;
    private final UserGroups groups;
    private final IngestProperties properties;

    UserController(ChangeGateway gateway, UserReads reads, UserGroups groups, IngestProperties properties) {
        this.gateway = gateway;
        this.reads = reads;
        this.groups = groups;
        this.properties = properties;
    }

    @PostMapping(consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<ObjectNode>> create(@RequestBody JsonNode body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        ObjectNode user = Requests.resource(Schemas.USERS, body, true);
        return write(request, ChangeType.USER_CREATE, UUID.randomUUID().toString(), null, user,
                Projection.of(Schemas.USERS, attributes, excludedAttributes));
    }

    @GetMapping("/{id}")
    ResponseEntity<ObjectNode> get(@PathVariable String id, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        UserState user = existing(context, id);
        String baseUrl = ScimJson.baseUrl(request);
        return ok(HttpStatus.OK, user, groupsOf(context, user, baseUrl), baseUrl,
                Projection.of(Schemas.USERS, attributes, excludedAttributes));
    }

    @GetMapping
    ResponseEntity<ObjectNode> list(@RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) String sortOrder,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        ListQuery query = ListQuery.of(filter, startIndex, count, sortBy, sortOrder, properties.maxPageSize(),
                UserFields.INSTANCE, UserDocuments.CREATED);
        RequestContext context = RequestContext.of(request);
        UserReads.Page page = reads.list(context.workspaceId(), query);
        Projection projection = Projection.of(Schemas.USERS, attributes, excludedAttributes);
        String baseUrl = ScimJson.baseUrl(request);
        Map<String, ArrayNode> userGroups = projection.excludes("groups") ? Map.of()
                : groups.of(context.workspaceId(), page.users().stream().map(UserState::id).toList(), baseUrl);

        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        body.put("totalResults", page.total());
        body.put("itemsPerPage", page.users().size());
        body.put("startIndex", query.startIndex());
        ArrayNode resources = body.putArray("Resources");
        page.users().forEach(user -> resources.add(projection.apply(UserView.render(user,
                userGroups.getOrDefault(user.id(), JsonNodeFactory.instance.arrayNode()), baseUrl))));
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(body);
    }

    @PutMapping(path = "/{id}", consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<ObjectNode>> replace(@PathVariable String id, @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        ObjectNode user = Requests.resource(Schemas.USERS, body, true);
        existing(RequestContext.of(request), id);
        return write(request, ChangeType.USER_REPLACE, id, ETags.expectedVersion(ifMatch), user,
                Projection.of(Schemas.USERS, attributes, excludedAttributes));
    }

    @PatchMapping(path = "/{id}", consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<ObjectNode>> patch(@PathVariable String id, @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        ObjectNode patch = Requests.patch(Schemas.USERS, body);
        existing(RequestContext.of(request), id);
        return write(request, ChangeType.USER_PATCH, id, ETags.expectedVersion(ifMatch), patch,
                Projection.of(Schemas.USERS, attributes, excludedAttributes));
    }

    @DeleteMapping("/{id}")
    CompletableFuture<ResponseEntity<ObjectNode>> delete(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        existing(RequestContext.of(request), id);
        return write(request, ChangeType.USER_DELETE, id, ETags.expectedVersion(ifMatch), ScimJson.object(),
                Projection.of(Schemas.USERS, null, null));
    }

    private CompletableFuture<ResponseEntity<ObjectNode>> write(HttpServletRequest request, ChangeType type,
            String id, Long expectedVersion, ObjectNode payload, Projection projection) {
        String baseUrl = ScimJson.baseUrl(request);
        RequestContext context = RequestContext.of(request);
        return gateway.submit(context, type, id, Topics.USER_CHANGES, expectedVersion, payload)
                .thenApply(outcome -> answer(context, outcome, baseUrl, projection));
    }

    private ResponseEntity<ObjectNode> answer(RequestContext context, ChangeOutcome outcome, String baseUrl,
            Projection projection) {
        if (!outcome.isApplied()) {
            throw new ScimException(outcome.status(), outcome.scimType(), outcome.detail());
        }
        if (outcome.status() == HttpStatus.NO_CONTENT.value()) {
            return ResponseEntity.noContent().build();
        }
        ArrayNode userGroups = outcome.status() == HttpStatus.CREATED.value() || projection.excludes("groups")
                ? JsonNodeFactory.instance.arrayNode() : groupsOf(context, outcome.user(), baseUrl);
        return ok(HttpStatus.valueOf(outcome.status()), outcome.user(), userGroups, baseUrl, projection);
    }

    private ArrayNode groupsOf(RequestContext context, UserState user, String baseUrl) {
        return groups.of(context.workspaceId(), List.of(user.id()), baseUrl).get(user.id());
    }

    private static ResponseEntity<ObjectNode> ok(HttpStatus status, UserState user, ArrayNode userGroups,
            String baseUrl, Projection projection) {
        ObjectNode resource = UserView.render(user, userGroups, baseUrl);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(ScimJson.SCIM)
                .eTag(ETags.of(user.version()));
        if (status == HttpStatus.CREATED) {
            response.location(URI.create(resource.path("meta").path("location").asString()));
        }
        return response.body(projection.apply(resource));
    }

    private UserState existing(RequestContext context, String id) {
        UserState user = reads.find(context.workspaceId(), id);
        if (user == null) {
            throw ScimException.notFound("User", id);
        }
        return user;
    }
}
