package dev.scimflow.ingest.workspaces;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.scimflow.scim.ScimException;
import dev.scimflow.ingest.workspaces.Workspaces.Workspace;
import tools.jackson.databind.JsonNode;

/**
 * The admin API ({@code /admin/v1}, behind the admin credential): workspaces, their SCIM token, connection status
 * and audit trail. A new token is shown exactly once, in the response that creates it.
 */
@RestController
@RequestMapping(path = "/admin/v1/workspaces", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);
    private static final int MAX_NAME_LENGTH = 200;
    private static final int RECENT_ERRORS = 10;
    private static final int MAX_AUDIT_PAGE = 500;

    private final Workspaces workspaces;
    private final AuditTrail audit;

    AdminController(Workspaces workspaces, AuditTrail audit) {
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Workspace> create(@RequestBody JsonNode body) {
        JsonNode name = body.path("name");
        if (!name.isString() || name.stringValue().isBlank() || name.stringValue().length() > MAX_NAME_LENGTH) {
            throw ScimException.invalidValue("name is required: a non-empty string of at most " + MAX_NAME_LENGTH
                    + " characters");
        }
        Workspace workspace = workspaces.create(name.stringValue().strip());
        log.info("created workspace {}", workspace.id());
        return ResponseEntity.created(URI.create("/admin/v1/workspaces/" + workspace.id())).body(workspace);
    }

    @GetMapping
    Map<String, List<Workspace>> list() {
        return Map.of("workspaces", workspaces.list());
    }

    @GetMapping("/{id}")
    Workspace get(@PathVariable String id) {
        return existing(id);
    }

    /** A new SCIM token; the previous one stops working at once, on every instance. */
    @PostMapping("/{id}/scim-token")
    ResponseEntity<Map<String, Object>> regenerateToken(@PathVariable String id) {
        String token = workspaces.regenerateToken(id).orElseThrow(() -> notFound(id));
        log.info("regenerated the SCIM token of workspace {}", id);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(Map.of("workspaceId", id, "token", token, "created", Instant.now().toString()));
    }

    /** Disconnects SCIM: revokes the token without a new one. */
    @DeleteMapping("/{id}/scim-token")
    ResponseEntity<Void> revokeToken(@PathVariable String id) {
        if (!workspaces.revokeToken(id)) {
            throw notFound(id);
        }
        log.info("revoked the SCIM token of workspace {}", id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/connection")
    Map<String, Object> connection(@PathVariable String id) {
        Workspace workspace = existing(id);
        return Map.of("workspaceId", id,
                "connected", workspace.connected(),
                "tokenCreated", String.valueOf(workspace.tokenCreated()),
                "lastRequest", String.valueOf(workspace.lastRequest()),
                "lastUserAgent", String.valueOf(workspace.lastUserAgent()),
                "users", audit.users(id),
                "teams", audit.teams(id),
                "recentErrors", audit.recent(id, RECENT_ERRORS, true));
    }

    @GetMapping("/{id}/audit")
    Map<String, Object> auditTrail(@PathVariable String id, @RequestParam(defaultValue = "100") int count) {
        existing(id);
        return Map.of("workspaceId", id, "entries", audit.recent(id, Math.max(1, Math.min(count, MAX_AUDIT_PAGE)),
                false));
    }

    private Workspace existing(String id) {
        return workspaces.find(id).orElseThrow(() -> notFound(id));
    }

    private static ScimException notFound(String id) {
        return new ScimException(404, null, "Workspace " + id + " not found");
    }
}
