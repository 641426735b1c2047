package dev.scimflow.ingest.scim;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SCIM media type, message schema URNs and the RFC 7644 error body. */
public final class ScimJson {

    public static final String MEDIA_TYPE = "application/scim+json";
    public static final MediaType SCIM = MediaType.parseMediaType(MEDIA_TYPE);

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ScimJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ObjectNode errorBody(int status, String scimType, String detail) {
        ObjectNode body = object();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return body;
    }

    public static ResponseEntity<ObjectNode> error(HttpStatus status, String scimType, String detail) {
        return ResponseEntity.status(status).contentType(SCIM).body(errorBody(status.value(), scimType, detail));
    }

    /** The SCIM base URL as the client reached it, for {@code meta.location} and {@code $ref} values. */
    public static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path("/scim/v2").build().toUriString();
    }

    /** Writes an error body directly, for filters that answer before MVC is reached. */
    public static void writeError(HttpServletResponse response, HttpStatus status, String detail,
            HttpHeaders headers) throws IOException {
        response.setStatus(status.value());
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(MAPPER.writeValueAsBytes(errorBody(status.value(), null, detail)));
    }
}
