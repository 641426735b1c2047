package dev.scimflow.ingest.groups;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.TeamState;
import dev.scimflow.contract.Topics;
import dev.scimflow.contract.store.TeamDocuments;
import dev.scimflow.ingest.IngestProperties;
import dev.scimflow.ingest.changes.ChangeGateway;
import dev.scimflow.ingest.scim.ETags;
import dev.scimflow.ingest.scim.ListQuery;
import dev.scimflow.ingest.scim.ScimJson;
import dev.scimflow.ingest.users.UserDirectory;
import dev.scimflow.ingest.workspaces.RequestContext;
import dev.scimflow.scim.PatchPath;
import dev.scimflow.scim.Projection;
import dev.scimflow.scim.Requests;
import dev.scimflow.scim.ScimException;
import dev.scimflow.scim.schema.Schemas;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /scim/v2/Groups}: Okta's and Entra's group push, which become Teams. Writes are published to team-sync
 * and answered with its outcome; a PATCH is answered 204, without the member list, so that changing one member of
 * a huge team stays cheap. Member lists in reads are streamed from the memberships.
 */
@RestController
@RequestMapping(path = "/scim/v2/Groups", produces = {ScimJson.MEDIA_TYPE, "application/json"})
class GroupController {

    private static final String JSON_BODIES = "application/json";
    private static final int MAX_UNKNOWN_SHOWN = 5;

    private final ChangeGateway gateway;
    private final GroupReads reads;
    private final UserDirectory users;
    private final IngestProperties properties;

    GroupController(ChangeGateway gateway, GroupReads reads, UserDirectory users, IngestProperties properties) {
        this.gateway = gateway;
        this.reads = reads;
        this.users = users;
        this.properties = properties;
    }

    @PostMapping(consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<StreamingResponseBody>> create(@RequestBody JsonNode body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        ObjectNode group = Requests.resource(Schemas.GROUPS, body, true);
        RequestContext context = RequestContext.of(request);
        requireUsers(context, memberIds(group.get("members")));
        Projection projection = Projection.of(Schemas.GROUPS, attributes, excludedAttributes);
        String baseUrl = ScimJson.baseUrl(request);
        return submit(context, ChangeType.GROUP_CREATE, UUID.randomUUID().toString(), null, group)
                .thenApply(outcome -> single(HttpStatus.CREATED, outcome.team(), baseUrl, projection));
    }

    @GetMapping("/{id}")
    ResponseEntity<StreamingResponseBody> get(@PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        TeamState team = existing(RequestContext.of(request), id);
        return single(HttpStatus.OK, team, ScimJson.baseUrl(request),
                Projection.of(Schemas.GROUPS, attributes, excludedAttributes));
    }

    @GetMapping
    ResponseEntity<StreamingResponseBody> list(@RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) String sortOrder,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        ListQuery query = ListQuery.of(filter, startIndex, count, sortBy, sortOrder, properties.maxPageSize(),
                GroupFields.INSTANCE, TeamDocuments.CREATED);
        GroupReads.Page page = reads.list(RequestContext.of(request).workspaceId(), query);
        Projection projection = Projection.of(Schemas.GROUPS, attributes, excludedAttributes);
        String baseUrl = ScimJson.baseUrl(request);
        StreamingResponseBody body = out -> {
            try (JsonGenerator json = ScimJson.MAPPER.createGenerator(out)) {
                json.writeStartObject();
                json.writeName("schemas");
                json.writeStartArray();
                json.writeString(ScimJson.LIST_SCHEMA);
                json.writeEndArray();
                json.writeNumberProperty("totalResults", page.total());
                json.writeNumberProperty("itemsPerPage", page.teams().size());
                json.writeNumberProperty("startIndex", query.startIndex());
                json.writeName("Resources");
                json.writeStartArray();
                for (TeamState team : page.teams()) {
                    write(json, team, baseUrl, projection);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        };
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(body);
    }

    @PutMapping(path = "/{id}", consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<StreamingResponseBody>> replace(@PathVariable String id,
            @RequestBody JsonNode body, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes, HttpServletRequest request) {
        ObjectNode group = Requests.resource(Schemas.GROUPS, body, true);
        RequestContext context = RequestContext.of(request);
        existing(context, id);
        requireUsers(context, memberIds(group.get("members")));
        Projection projection = Projection.of(Schemas.GROUPS, attributes, excludedAttributes);
        String baseUrl = ScimJson.baseUrl(request);
        return submit(context, ChangeType.GROUP_REPLACE, id, ETags.expectedVersion(ifMatch), group)
                .thenApply(outcome -> single(HttpStatus.OK, outcome.team(), baseUrl, projection));
    }

    @PatchMapping(path = "/{id}", consumes = {ScimJson.MEDIA_TYPE, JSON_BODIES})
    CompletableFuture<ResponseEntity<Void>> patch(@PathVariable String id, @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        ObjectNode patch = Requests.patch(Schemas.GROUPS, body);
        RequestContext context = RequestContext.of(request);
        existing(context, id);
        requireUsers(context, addedMemberIds(patch));
        return submit(context, ChangeType.GROUP_PATCH, id, ETags.expectedVersion(ifMatch), patch)
                .thenApply(outcome -> ResponseEntity.noContent().eTag(ETags.of(outcome.team().version())).build());
    }

    @DeleteMapping("/{id}")
    CompletableFuture<ResponseEntity<Void>> delete(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        RequestContext context = RequestContext.of(request);
        existing(context, id);
        return submit(context, ChangeType.GROUP_DELETE, id, ETags.expectedVersion(ifMatch), ScimJson.object())
                .thenApply(outcome -> ResponseEntity.noContent().build());
    }

    private CompletableFuture<ChangeOutcome> submit(RequestContext context, ChangeType type, String id,
            Long expectedVersion, ObjectNode payload) {
        return gateway.submit(context, type, id, Topics.GROUP_CHANGES, expectedVersion, payload)
                .thenApply(outcome -> {
                    if (!outcome.isApplied()) {
                        throw new ScimException(outcome.status(), outcome.scimType(), outcome.detail());
                    }
                    return outcome;
                });
    }

    private ResponseEntity<StreamingResponseBody> single(HttpStatus status, TeamState team, String baseUrl,
            Projection projection) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(ScimJson.SCIM)
                .eTag(ETags.of(team.version()));
        if (status == HttpStatus.CREATED) {
            response.location(URI.create(baseUrl + "/Groups/" + team.id()));
        }
        return response.body(out -> {
            try (JsonGenerator json = ScimJson.MAPPER.createGenerator(out)) {
                write(json, team, baseUrl, projection);
            }
        });
    }

    private void write(JsonGenerator json, TeamState team, String baseUrl, Projection projection) {
        ObjectNode group = projection.apply(GroupView.render(team, baseUrl));
        GroupView.write(json, group, projection.excludes("members") ? null : reads.members(team.id()), baseUrl);
    }

    /** Refuses, naming them, member ids that are not users of this workspace; nothing is published then. */
    private void requireUsers(RequestContext context, List<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        Set<String> unknown = users.missing(context.workspaceId(), memberIds);
        if (!unknown.isEmpty()) {
            throw ScimException.invalidValue("Unknown member" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().limit(MAX_UNKNOWN_SHOWN).collect(Collectors.joining(", "))
                    + (unknown.size() > MAX_UNKNOWN_SHOWN ? " and " + (unknown.size() - MAX_UNKNOWN_SHOWN)
                            + " more" : "") + ": members must be users of this workspace");
        }
    }

    private static List<String> memberIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        if (members != null) {
            members.forEach(member -> {
                if (member.path("value").isString()) {
                    ids.add(member.get("value").stringValue());
                }
            });
        }
        return ids;
    }

    /** Members that add or replace operations of a normalised patch bring in. */
    private static List<String> addedMemberIds(JsonNode patch) {
        List<String> ids = new ArrayList<>();
        for (JsonNode operation : patch.path("Operations")) {
            boolean members = PatchPath.parse(operation.path("path").asString(""), Schemas.GROUPS)
                    .filter(path -> path.attribute().name().equals("members")).isPresent();
            if (members && !operation.path("op").asString().equals("remove")) {
                ids.addAll(memberIds(operation.get("value")));
            }
        }
        return ids;
    }

    private TeamState existing(RequestContext context, String id) {
        TeamState team = reads.find(context.workspaceId(), id);
        if (team == null) {
            throw ScimException.notFound("Group", id);
        }
        return team;
    }
}
