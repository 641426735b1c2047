package dev.scimflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A SCIM client as an IdP uses it: plain HTTP, JSON bodies, a token in the Authorization header. */
final class Scim {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;
    private final String accept;

    Scim(int port, String authorization) {
        this(port, "/scim/v2", authorization);
    }

    Scim(int port, String basePath, String authorization) {
        this.baseUrl = "http://127.0.0.1:" + port + basePath;
        this.authorization = authorization;
        this.accept = basePath.startsWith("/scim") ? "application/scim+json" : "application/json";
    }

    /** A client of the admin API, authenticated with the admin credential. */
    static Scim admin(int port, String key) {
        return new Scim(port, "/admin/v1", key == null ? null : "Bearer " + key);
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method, an optional JSON body and extra headers given as name, value, name, value... */
    Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/scim+json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    Response postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Scim bearer(int port, String token) {
        return new Scim(port, "Bearer " + token);
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response filter(String resource, String filter) {
        return get("/" + resource + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                + "&startIndex=1&count=100");
    }

    Response post(String path, String body) {
        return send(request(path).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response put(String path, String body) {
        return send(request(path).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response patch(String path, String body) {
        return send(request(path).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept)
                .header("User-Agent", "Okta SCIM Client 1.0.0");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isEmpty() ? null
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
