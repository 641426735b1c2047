package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dev.scimflow.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * A black-box run of the SCIM protocol as Okta and Entra speak it, with their documented request shapes, checking
 * the answers and the stored state; then the protocol's edges (discovery, ETags, errors).
 */
@ExtendWith(SharedPipeline.class)
class ScimProtocolTest {

    private static SharedPipeline shared;
    private static MongoClient mongoClient;
    private static MongoCollection<Document> users;
    private static Scim scim;
    private static int port;

    @BeforeAll
    static void connect() {
        shared = SharedPipeline.current();
        mongoClient = MongoClients.create(shared.infrastructure.mongoUri());
        users = mongoClient.getDatabase("scimflow").getCollection("users");
        port = shared.pipeline.ingestPorts().get(0);
        scim = Scim.bearer(port, shared.token);
    }

    @AfterAll
    static void disconnect() {
        mongoClient.close();
    }

    @Test
    void entraProvisionsUpdatesDeactivatesAndDeletesAUser() {
        String userName = "ryan." + UUID.randomUUID() + "@example.com";
        String externalId = UUID.randomUUID().toString();
        assertThat(scim.filter("Users", "externalId eq \"" + externalId + "\"").body().get("totalResults").asInt())
                .isZero();

        Scim.Response created = scim.post("/Users", EntraRequests.createUser(userName, externalId));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("schemas").findValuesAsString("schemas")).isEmpty();
        assertThat(created.body().get("schemas").toString()).contains(EntraRequests.ENTERPRISE);
        assertThat(scim.filter("Users", "externalId eq \"" + externalId + "\"").body().get("Resources")
                .findValuesAsString("id")).containsExactly(id);
        assertThat(scim.filter("Users", "emails[type eq \"work\"].value eq \"" + userName.toUpperCase() + "\"")
                .body().get("Resources").findValuesAsString("id")).containsExactly(id);

        Scim.Response updated = scim.patch("/Users/" + id, EntraRequests.PROFILE_UPDATE);
        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
        JsonNode user = scim.get("/Users/" + id).body();
        assertThat(user.at("/name/familyName").asString()).isEqualTo("Leenay-Smith");
        assertThat(user.get(EntraRequests.ENTERPRISE).get("employeeNumber").asString()).isEqualTo("701984");
        assertThat(user.get(EntraRequests.ENTERPRISE).at("/manager/value").asString()).isEqualTo("271");
        assertThat(user.get(EntraRequests.ENTERPRISE).get("department").asString()).isEqualTo("Sales");
        assertThat(user.at("/phoneNumbers/0/value").asString()).isEqualTo("+1 555 0100");
        assertThat(user.get("active").booleanValue()).isFalse();

        Scim.Response rename = scim.patch("/Users/" + id, """
                {"Operations":[{"op":"Replace","path":"userName","value":"renamed@example.com"}]}""");
        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.body().get("scimType").asString()).isEqualTo("mutability");

        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.filter("Users", "userName eq \"" + userName + "\"").body().get("totalResults").asInt())
                .isZero();
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.patch("/Users/" + id, OktaRequests.SET_INACTIVE).status()).isEqualTo(404);
        assertThat(lastUserEvent(id)).isEqualTo("user.deleted");
        assertThat(scim.post("/Users", EntraRequests.createUser(userName, externalId)).status()).isEqualTo(201);
    }

    @Test
    void oktasProfileUpdateSendsTheWholeUserBackAndUnknownAttributesAreIgnored() {
        String userName = "okta." + UUID.randomUUID() + "@example.com";
        JsonNode created = scim.post("/Users", OktaRequests.createUser(userName)).body();
        String id = created.get("id").asString();

        JsonNode lastRead = scim.get("/Users/" + id).body();
        String update = OktaRequests.profileUpdate(lastRead, "Janet").replace("\"userName\"",
                "\"customAttribute\":\"ignored\",\"userName\"");
        Scim.Response updated = scim.put("/Users/" + id, update);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().at("/name/givenName").asString()).isEqualTo("Janet");
        assertThat(updated.body().has("customAttribute")).isFalse();
        Document stored = users.find(Filters.eq("_id", id)).first();
        assertThat(stored.get("attributes", Document.class).keySet()).doesNotContain("customAttribute", "password",
                "groups", "meta", "id", "schemas");
        assertThat(stored.getList("emailKeys", String.class)).containsExactly(userName.toLowerCase());
    }

    @Test
    void etagsAreReturnedAndIfMatchIsHonoured() {
        String id = scim.post("/Users", OktaRequests.createUser("etag." + UUID.randomUUID() + "@example.com"))
                .body().get("id").asString();
        Scim.Response read = scim.get("/Users/" + id);
        assertThat(read.header("ETag")).isEqualTo("W/\"1\"");

        Scim.Response stale = scim.send("PATCH", "/Users/" + id, OktaRequests.SET_INACTIVE, "If-Match", "W/\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(scim.get("/Users/" + id).body().get("active").booleanValue()).isTrue();

        Scim.Response current = scim.send("PATCH", "/Users/" + id, OktaRequests.SET_INACTIVE, "If-Match", "W/\"1\"");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("W/\"2\"");
        assertThat(scim.send("DELETE", "/Users/" + id, null, "If-Match", "W/\"1\"").status()).isEqualTo(412);
        assertThat(scim.send("DELETE", "/Users/" + id, null, "If-Match", "*").status()).isEqualTo(204);
    }

    @Test
    void discoveryDescribesWhatIsSupported() {
        Scim anonymous = new Scim(port, null);
        JsonNode config = anonymous.get("/ServiceProviderConfig").body();
        assertThat(config.at("/patch/supported").booleanValue()).isTrue();
        assertThat(config.at("/filter/maxResults").asInt()).isEqualTo(200);
        assertThat(config.at("/etag/supported").booleanValue()).isTrue();
        assertThat(config.at("/sort/supported").booleanValue()).isTrue();
        assertThat(config.at("/bulk/supported").booleanValue()).isFalse();
        assertThat(config.at("/authenticationSchemes/0/type").asString()).isEqualTo("oauthbearertoken");

        JsonNode types = anonymous.get("/ResourceTypes").body();
        assertThat(types.get("Resources").findValuesAsString("endpoint")).containsExactly("/Users", "/Groups");
        assertThat(anonymous.get("/ResourceTypes/User").body().at("/schemaExtensions/0/schema").asString())
                .isEqualTo(EntraRequests.ENTERPRISE);
        JsonNode schemas = anonymous.get("/Schemas").body();
        assertThat(schemas.get("totalResults").asInt()).isEqualTo(3);
        JsonNode user = anonymous.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").body();
        assertThat(user.get("attributes").findValuesAsString("name")).contains("userName", "emails", "active");

        Scim.Response post = scim.post("/ServiceProviderConfig", "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.body().get("status").asString()).isEqualTo("405");
        assertThat(scim.post("/Schemas", "{}").status()).isEqualTo(405);
        assertThat(scim.get("/Schemas/urn:nope").status()).isEqualTo(404);
    }

    @Test
    void protocolErrorsAreScimErrorBodies() throws Exception {
        assertError(scim.get("/Users/" + "%F0%9F%92%A5"), 404, null);
        assertError(scim.get("/Users/../../admin/v1/workspaces"), 404, null);
        assertError(scim.send("DELETE", "/Users", null), 405, null);
        assertError(scim.send("PUT", "/Users", "{}"), 405, null);
        assertError(scim.post("/Users", "{\"userName\": "), 400, "invalidSyntax");
        assertError(scim.post("/Users", "{\"name\":{\"givenName\":\"x\"}}"), 400, "invalidValue");
        assertError(scim.post("/Users", "[1,2]"), 400, "invalidSyntax");
        assertError(scim.get("/Users?sortBy=password"), 400, "invalidValue");
        assertError(scim.get("/Users?startIndex=abc"), 400, "invalidValue");
        assertError(scim.patch("/Users/" + UUID.randomUUID(), OktaRequests.SET_INACTIVE), 404, null);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base() + "/Users"))
                .header("Authorization", "Bearer " + shared.token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("userName=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

        byte[] huge = ("{\"userName\":\"big@example.com\",\"title\":\"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(URI.create(base() + "/Users"))
                .header("Authorization", "Bearer " + shared.token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(scim.filter("Users", "userName eq \"big@example.com\"").body().get("totalResults").asInt())
                .isZero();

        String jsonName = "json." + UUID.randomUUID() + "@example.com";
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base() + "/Users"))
                .header("Authorization", "Bearer " + shared.token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"" + jsonName + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(201);
    }

    @Test
    void listsSortProjectAndCapTheirPages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String letter : List.of("c", "a", "b")) {
            scim.post("/Users", OktaRequests.createUser(letter + "." + tag + "@sorted.example"));
        }
        String filter = "?filter=userName%20ew%20%22" + tag + "@sorted.example%22";

        JsonNode descending = scim.get("/Users" + filter + "&sortBy=userName&sortOrder=descending").body();
        assertThat(descending.get("Resources").findValuesAsString("userName")).containsExactly(
                "c." + tag + "@sorted.example", "b." + tag + "@sorted.example", "a." + tag + "@sorted.example");

        JsonNode projected = scim.get("/Users" + filter + "&attributes=userName").body().get("Resources").get(0);
        assertThat(projected.propertyNames()).containsExactlyInAnyOrder("schemas", "id", "userName");
        JsonNode excluded = scim.get("/Users" + filter + "&excludedAttributes=emails,name").body().get("Resources")
                .get(0);
        assertThat(excluded.has("emails")).isFalse();
        assertThat(excluded.has("meta")).isTrue();

        JsonNode capped = scim.get("/Users?count=5000").body();
        assertThat(capped.get("itemsPerPage").asInt()).isLessThanOrEqualTo(200);
        assertThat(scim.get("/Users?count=0").body().get("Resources")).isEmpty();
    }

    private static void assertError(Scim.Response response, int status, String scimType) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/scim+json");
        assertThat(response.body().get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.body().get("status").asString()).isEqualTo(String.valueOf(status));
        assertThat(response.body().has("detail")).isTrue();
        if (scimType != null) {
            assertThat(response.body().get("scimType").asString()).isEqualTo(scimType);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + port + "/scim/v2";
    }

    private static String lastUserEvent(String userId) {
        List<String> types = TopicReader.readAll(shared.infrastructure.bootstrapServers(), Topics.USER_EVENTS,
                record -> record.key().endsWith("/" + userId)).stream()
                .map(record -> Scim.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8))
                        .get("type").asString()).toList();
        return types.get(types.size() - 1);
    }
}
