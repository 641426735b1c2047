package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Throws random and hostile filters and bodies at the API (seeded, so every run is the same): every answer is a
 * 2xx or a SCIM 4xx, never a 5xx, and a refused write leaves the workspace as it was.
 */
@ExtendWith(SharedPipeline.class)
class HostileInputTest {

    private static final long SEED = 20261203L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ATTRIBUTES = List.of("userName", "USERNAME", "emails.value",
            "emails[type eq \"work\"].value", "emails[value co \"@\"]", "name.familyName", "active", "meta.created",
            "externalId", "id", "$where", "a b", "urn:ietf:params:scim:schemas:core:2.0:User:userName",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "members", "groups.value",
            "__proto__", "x.y.z", "emails[", "title");
    private static final List<String> OPERATORS = List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le",
            "pr", "xx", "EQ", "");
    private static final List<String> VALUES = List.of("\"x\"", "true", "false", "null", "1", "-1e309",
            "\"(.*)\"", "\".*\"", "{\"$ne\":1}", "\"\\u0000\"", "\"unterminated", "\"a\\\"b\"", "[1]", "\"\"",
            "\"2026-01-01T00:00:00Z\"", "\"^$|\"", "\"" + "z".repeat(3000) + "\"");
    private static final List<String> KEYS = List.of("userName", "active", "emails", "name", "givenName", "value",
            "members", "Operations", "op", "path", "schemas", "id", "meta", "$where", "$set", "__proto__", "",
            "a.b", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "primary", "type", "password");
    private static final List<String> STRINGS = List.of("x@example.com", "not-an-email", "", "\u0000", "False",
            "TRUE", "replace", "Remove", "add", "emails[type eq \"work\"].value", "members[value eq \"x\"]",
            "name.familyName", "{\"$gt\":\"\"}", "../../etc/passwd", "\uD83D\uDCA5", "a".repeat(5000), "$where",
            "userName", "active", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");

    private static Scim scim;
    private static Scim admin;
    private static String workspaceId;

    @BeforeAll
    static void workspace() {
        SharedPipeline shared = SharedPipeline.current();
        // an instance of its own with a high rate limit: this test sends hundreds of requests a second
        int port = shared.pipeline.addIngest(0, Map.of("ingest.rate-limit", "1000000"));
        admin = Scim.admin(port, shared.adminKey);
        workspaceId = admin.postJson("/workspaces", "{\"name\":\"Fuzz\"}").body().get("id").asString();
        String token = admin.post("/workspaces/" + workspaceId + "/scim-token", "").body().get("token").asString();
        scim = Scim.bearer(port, token);
    }

    @Test
    void randomAndHostileFiltersGetResultsOrAnInvalidFilterError() {
        Random random = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            String filter = random.nextInt(4) == 0 ? garbage(random) : filter(random, 0);
            Scim.Response response = scim.get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));

            assertThat(response.status()).as(filter).isIn(200, 400);
            if (response.status() == 400) {
                assertThat(response.body().get("scimType").asString()).as(filter).isEqualTo("invalidFilter");
            }
            else {
                assertThat(response.body().get("totalResults").isIntegralNumber()).isTrue();
            }
        }
    }

    @Test
    void randomAndHostileBodiesAreAnsweredWithoutA5xxAndRefusalsStoreNothing() {
        Random random = new Random(SEED + 1);
        String id = scim.post("/Users", OktaRequests.createUser("fuzz.base@example.com")).body().get("id").asString();
        for (int i = 0; i < 150; i++) {
            State before = state(id);
            String body = random.nextInt(6) == 0 ? garbage(random) : json(random, 0, true).toString();
            Scim.Response response = switch (random.nextInt(3)) {
                case 0 -> scim.post("/Users", body);
                case 1 -> scim.put("/Users/" + id, body);
                default -> scim.patch("/Users/" + id, random.nextBoolean() ? body : patchBody(random));
            };

            assertThat(response.status()).as(body).isBetween(200, 499);
            if (response.status() >= 400) {
                assertThat(response.body().get("schemas").get(0).asString()).as(body)
                        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
                assertThat(state(id)).as(body).isEqualTo(before);
            }
        }
    }

    /** What a refused write must not change: how many users the workspace has and the base user's version. */
    private record State(int users, String version) {
    }

    private static State state(String id) {
        JsonNode list = scim.get("/Users?count=0").body();
        return new State(list.get("totalResults").asInt(), scim.get("/Users/" + id).body().at("/meta/version")
                .asString());
    }

    private static String patchBody(Random random) {
        ObjectNode body = NODES.objectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        ArrayNode operations = body.putArray("Operations");
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            ObjectNode operation = operations.addObject();
            operation.put("op", pick(random, List.of("add", "Replace", "remove", "REMOVE", "copy", "")));
            if (random.nextBoolean()) {
                operation.put("path", pick(random, ATTRIBUTES));
            }
            if (random.nextInt(4) > 0) {
                operation.set("value", json(random, 1, false));
            }
        }
        return body.toString();
    }

    private static String filter(Random random, int depth) {
        int choice = depth > 3 ? 0 : random.nextInt(6);
        return switch (choice) {
            case 1 -> filter(random, depth + 1) + " and " + filter(random, depth + 1);
            case 2 -> filter(random, depth + 1) + " or " + filter(random, depth + 1);
            case 3 -> "not (" + filter(random, depth + 1) + ")";
            case 4 -> "(" + filter(random, depth + 1) + (random.nextInt(5) == 0 ? "" : ")");
            default -> pick(random, ATTRIBUTES) + " " + pick(random, OPERATORS) + " " + pick(random, VALUES);
        };
    }

    private static JsonNode json(Random random, int depth, boolean top) {
        int choice = top ? 0 : random.nextInt(depth > 3 ? 5 : 7);
        switch (choice) {
            case 0: {
                ObjectNode object = NODES.objectNode();
                if (top && random.nextBoolean()) {
                    object.put("userName", random.nextBoolean() ? "fuzz" + random.nextInt(1000) + "@example.com"
                            : pick(random, STRINGS));
                }
                for (int i = 0, n = random.nextInt(5); i < n; i++) {
                    object.set(pick(random, KEYS), json(random, depth + 1, false));
                }
                return object;
            }
            case 1:
                return NODES.stringNode(pick(random, STRINGS));
            case 2:
                return NODES.numberNode(random.nextInt(3) == 0 ? Long.MAX_VALUE : random.nextInt());
            case 3:
                return NODES.booleanNode(random.nextBoolean());
            case 4:
                return NODES.nullNode();
            default: {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    array.add(json(random, depth + 1, random.nextInt(3) == 0));
                }
                return array;
            }
        }
    }

    private static String garbage(Random random) {
        String alphabet = "{}[]\"':,.$\\()<>=!&|*~ \u0000\u00e9\uD83D\uDCA5abcdefeqprnot01";
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(60); i < n; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
