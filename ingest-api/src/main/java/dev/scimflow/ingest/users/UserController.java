package dev.scimflow.ingest.users;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.Topics;
import dev.scimflow.contract.UserState;
import dev.scimflow.ingest.IngestProperties;
import dev.scimflow.ingest.changes.ChangeGateway;
import dev.scimflow.ingest.scim.FilterParser;
import dev.scimflow.ingest.scim.ScimException;
import dev.scimflow.ingest.scim.ScimJson;
import dev.scimflow.ingest.workspaces.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /scim/v2/Users}. Writes are published as change events and answered with the provisioner's outcome,
 * asynchronously (no servlet thread waits); reads come from the {@code users} collection.
 */
@RestController
@RequestMapping(path = "/scim/v2/Users", produces = {ScimJson.MEDIA_TYPE, "application/json"})
class UserController {

    private static final String JSON_BODIES = "application/json";
    private static final int DEFAULT_COUNT = 100;

    private final ChangeGateway gateway;
    private final UserReads reads;
    private final IngestProperties properties;

    UserController(ChangeGateway gateway, UserReads reads, IngestProperties properties) {
        this.gateway = gateway;
        this.reads = reads;
        this.properties = properties;
    }

    @PostMapping(consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<ObjectNode>> create(@RequestBody JsonNode body, HttpServletRequest request) {
        ObjectNode user = UserRequests.resource(body);
        String id = UUID.randomUUID().toString();
        return write(request, ChangeType.USER_CREATE, id, user);
    }

    @GetMapping("/{id}")
    ResponseEntity<ObjectNode> get(@PathVariable String id, HttpServletRequest request) {
        UserState user = existing(RequestContext.of(request), id);
        return ok(HttpStatus.OK, user, baseUrl(request));
    }

    @GetMapping
    ResponseEntity<ObjectNode> list(@RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
            HttpServletRequest request) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = Math.min(count == null ? DEFAULT_COUNT : Math.max(count, 0), properties.maxPageSize());
        UserReads.Page page = reads.list(RequestContext.of(request).workspaceId(),
                filter == null ? null : FilterParser.parse(filter), start, size);

        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        body.put("totalResults", page.total());
        body.put("itemsPerPage", page.users().size());
        body.put("startIndex", start);
        ArrayNode resources = body.putArray("Resources");
        String baseUrl = baseUrl(request);
        page.users().forEach(user -> resources.add(UserView.render(user, baseUrl)));
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(body);
    }

    @PutMapping(path = "/{id}", consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<ObjectNode>> replace(@PathVariable String id, @RequestBody JsonNode body,
            HttpServletRequest request) {
        ObjectNode user = UserRequests.resource(body);
        existing(RequestContext.of(request), id);
        return write(request, ChangeType.USER_REPLACE, id, user);
    }

    @PatchMapping(path = "/{id}", consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<ObjectNode>> patch(@PathVariable String id, @RequestBody JsonNode body,
            HttpServletRequest request) {
        ObjectNode patch = UserRequests.patch(body);
        existing(RequestContext.of(request), id);
        return write(request, ChangeType.USER_PATCH, id, patch);
    }

    private CompletableFuture<ResponseEntity<ObjectNode>> write(HttpServletRequest request, ChangeType type,
            String id, ObjectNode payload) {
        String baseUrl = baseUrl(request);
        return gateway.submit(RequestContext.of(request), type, id, Topics.USER_CHANGES, payload)
                .thenApply(outcome -> answer(outcome, baseUrl));
    }

    private static ResponseEntity<ObjectNode> answer(ChangeOutcome outcome, String baseUrl) {
        if (!outcome.isApplied()) {
            throw new ScimException(HttpStatus.valueOf(outcome.status()), outcome.scimType(), outcome.detail());
        }
        return ok(HttpStatus.valueOf(outcome.status()), outcome.user(), baseUrl);
    }

    private static ResponseEntity<ObjectNode> ok(HttpStatus status, UserState user, String baseUrl) {
        ObjectNode resource = UserView.render(user, baseUrl);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(ScimJson.SCIM)
                .eTag(UserView.etag(user));
        if (status == HttpStatus.CREATED) {
            response.location(URI.create(resource.path("meta").path("location").asString()));
        }
        return response.body(resource);
    }

    private UserState existing(RequestContext context, String id) {
        UserState user = reads.find(context.workspaceId(), id);
        if (user == null) {
            throw ScimException.notFound("User", id);
        }
        return user;
    }

    private static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path("/scim/v2").build().toUriString();
    }
}
