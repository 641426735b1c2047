package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;

/** Workspaces, SCIM tokens and the admin API: tenancy, token rotation, rate limits and the audit trail. */
@ExtendWith(SharedPipeline.class)
class WorkspacesTest {

    private static SharedPipeline shared;
    private static MongoClient mongoClient;
    private static MongoDatabase database;
    private static Scim admin;
    private static ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void connect() {
        shared = SharedPipeline.current();
        mongoClient = MongoClients.create(shared.infrastructure.mongoUri());
        database = mongoClient.getDatabase("scimflow");
        admin = Scim.admin(shared.pipeline.ingestPorts().get(0), shared.adminKey);
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterAll
    static void disconnect() {
        root().detachAppender(logs);
        mongoClient.close();
    }

    @Test
    void anAdminConnectsAWorkspaceAndOktaTestsItsCredentials() {
        Scim.Response created = admin.postJson("/workspaces", "{\"name\":\"Acme\"}");
        assertThat(created.status()).isEqualTo(201);
        String workspaceId = created.body().get("id").asString();
        assertThat(created.header("Location")).endsWith("/admin/v1/workspaces/" + workspaceId);
        assertThat(admin.get("/workspaces/" + workspaceId + "/connection").body().get("connected").asBoolean())
                .isFalse();

        Scim.Response issued = admin.post("/workspaces/" + workspaceId + "/scim-token", "");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.body().get("token").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        Scim okta = Scim.bearer(shared.pipeline.ingestPorts().get(0), token);
        Scim.Response test = okta.get("/Users?startIndex=1&count=2");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.body().get("totalResults").asInt()).isZero();

        JsonNode status = admin.get("/workspaces/" + workspaceId + "/connection").body();
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("lastUserAgent").asString()).isEqualTo("Okta SCIM Client 1.0.0");
        assertThat(status.get("users").asInt()).isZero();
        assertThat(admin.get("/workspaces").body().get("workspaces").findValuesAsString("id"))
                .contains(workspaceId);
    }

    @Test
    void regeneratingATokenRevokesTheOldOneOnEveryInstanceAtOnce() {
        String workspaceId = workspace("Rotating");
        String first = token(workspaceId);
        List<Integer> ports = shared.pipeline.ingestPorts();
        assertThat(Scim.bearer(ports.get(1), first).post("/Users", OktaRequests.createUser(unique("r"))).status())
                .isEqualTo(201);

        String second = token(workspaceId);

        for (int port : ports) {
            assertThat(Scim.bearer(port, first).get("/Users").status()).isEqualTo(401);
            assertThat(new Scim(port, first).get("/Users").status()).isEqualTo(401);
            assertThat(Scim.bearer(port, second).get("/Users").body().get("totalResults").asInt()).isEqualTo(1);
        }

        assertThat(admin.delete("/workspaces/" + workspaceId + "/scim-token").status()).isEqualTo(204);
        for (int port : ports) {
            assertThat(Scim.bearer(port, second).get("/Users").status()).isEqualTo(401);
        }
        assertThat(admin.get("/workspaces/" + workspaceId + "/connection").body().get("connected").asBoolean())
                .isFalse();
    }

    @Test
    void noScimCallOfOneWorkspaceCanReachAnotherWorkspacesUsersOrTeams() {
        int port = shared.pipeline.ingestPorts().get(0);
        Scim a = Scim.bearer(port, token(workspace("A")));
        Scim b = Scim.bearer(port, token(workspace("B")));
        String userName = unique("same");
        JsonNode aUser = a.post("/Users", OktaRequests.createUser(userName)).body();
        String aId = aUser.get("id").asString();
        Scim.Response bCreate = b.post("/Users", OktaRequests.createUser(userName));
        assertThat(bCreate.status()).isEqualTo(201);
        String bId = bCreate.body().get("id").asString();

        assertThat(b.get("/Users/" + aId).status()).isEqualTo(404);
        assertThat(b.put("/Users/" + aId, OktaRequests.createUser(userName)).status()).isEqualTo(404);
        assertThat(b.patch("/Users/" + aId, OktaRequests.SET_INACTIVE).status()).isEqualTo(404);
        assertThat(b.filter("Users", "id eq \"" + aId + "\"").body().get("totalResults").asInt()).isZero();
        assertThat(b.filter("Users", "userName eq \"" + userName + "\"").body().get("Resources")
                .findValuesAsString("id")).containsExactly(bId);
        assertThat(b.get("/Users?count=100").body().get("Resources").findValuesAsString("id"))
                .containsExactly(bId);
        assertThat(b.filter("Users", "userName eq \"x\" or workspaceId eq \"default\"").status()).isEqualTo(400);
        assertThat(b.filter("Users", "id pr").body().get("Resources").findValuesAsString("id"))
                .containsExactly(bId);

        assertThat(b.delete("/Users/" + aId).status()).isEqualTo(404);

        String teamName = "Team " + UUID.randomUUID();
        String aTeam = a.post("/Groups", "{\"displayName\":\"" + teamName + "\",\"members\":[{\"value\":\""
                + aId + "\"}]}").body().get("id").asString();
        assertThat(b.get("/Groups/" + aTeam).status()).isEqualTo(404);
        assertThat(b.put("/Groups/" + aTeam, "{\"displayName\":\"taken\"}").status()).isEqualTo(404);
        assertThat(b.patch("/Groups/" + aTeam, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + bId + "\"}]}]}").status()).isEqualTo(404);
        assertThat(b.delete("/Groups/" + aTeam).status()).isEqualTo(404);
        assertThat(b.filter("Groups", "displayName eq \"" + teamName + "\"").body().get("totalResults").asInt())
                .isZero();
        assertThat(b.get("/Groups").body().get("Resources").findValuesAsString("id")).doesNotContain(aTeam);
        assertThat(b.get("/Users?filter=groups.value%20eq%20%22" + aTeam + "%22").body().get("totalResults")
                .asInt()).isZero();
        assertThat(b.post("/Groups", "{\"displayName\":\"" + teamName + "\"}").status()).isEqualTo(201);

        JsonNode untouched = a.get("/Users/" + aId).body();
        assertThat(untouched.get("active").asBoolean()).isTrue();
        assertThat(untouched.get("meta").get("version").asString()).isEqualTo("W/\"1\"");
        assertThat(untouched.get("groups").findValuesAsString("value")).containsExactly(aTeam);
        assertThat(a.get("/Groups/" + aTeam).body().get("members").findValuesAsString("value"))
                .containsExactly(aId);
    }

    @Test
    void aWorkspaceOverItsRateLimitGets429WhileAnotherKeepsGoing() {
        int port = shared.pipeline.addIngest(0, Map.of("ingest.rate-limit", "5", "ingest.rate-limit-period", "1m"));
        Scim busy = Scim.bearer(port, token(workspace("Busy")));
        Scim calm = Scim.bearer(port, token(workspace("Calm")));

        List<Scim.Response> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(busy.get("/Users?count=1"));
        }

        assertThat(burst.stream().filter(response -> response.status() == 200)).hasSize(5);
        Scim.Response limited = burst.get(7);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.body().get("status").asString()).isEqualTo("429");
        assertThat(calm.get("/Users?count=1").status()).isEqualTo(200);
    }

    @Test
    void theAdminApiAcceptsOnlyTheAdminCredential() {
        int port = shared.pipeline.ingestPorts().get(0);
        assertThat(Scim.admin(port, null).get("/workspaces").status()).isEqualTo(401);
        assertThat(Scim.admin(port, shared.token).get("/workspaces").status()).isEqualTo(401);
        assertThat(Scim.admin(port, shared.adminKey + "x").get("/workspaces").status()).isEqualTo(401);
        assertThat(Scim.bearer(port, shared.adminKey).get("/Users").status()).isEqualTo(401);
        assertThat(admin.get("/workspaces/" + UUID.randomUUID()).status()).isEqualTo(404);
        Scim raw = new Scim(port, "", null);
        for (String disguised : List.of("/%61dmin/v1/workspaces", "/admin;x=1/v1/workspaces", "/ADMIN/v1/workspaces",
                "/admin/v1/%77orkspaces", "/scim/v2/Users/..;/..;/..;/admin/v1/workspaces")) {
            assertThat(raw.get(disguised).status()).as(disguised).isIn(400, 401, 404);
        }
        assertThat(raw.get("/%73cim/v2/Users").status()).isEqualTo(401);
        assertThat(admin.postJson("/workspaces", "{\"name\":\"\"}").status()).isEqualTo(400);
    }

    @Test
    void theAuditTrailRecordsWhoChangedWhatAndTheOutcomeWithoutPersonalData() {
        String workspaceId = workspace("Audited");
        Scim scim = Scim.bearer(shared.pipeline.ingestPorts().get(0), token(workspaceId));
        String userName = unique("audited");
        String id = scim.post("/Users", OktaRequests.createUser(userName)).body().get("id").asString();
        assertThat(scim.post("/Users", OktaRequests.createUser(userName)).status()).isEqualTo(409);
        assertThat(scim.patch("/Users/" + id, OktaRequests.SET_INACTIVE).status()).isEqualTo(200);

        Scim.Response audit = admin.get("/workspaces/" + workspaceId + "/audit");
        JsonNode entries = audit.body().get("entries");
        assertThat(entries.findValuesAsString("operation")).containsExactly("user.patch", "user.create",
                "user.create");
        assertThat(entries.findValues("status").stream().map(JsonNode::asInt)).containsExactly(200, 409, 201);
        assertThat(entries.findValuesAsString("client")).containsOnly("Okta SCIM Client 1.0.0");
        assertThat(entries.get(2).get("resourceId").asString()).isEqualTo(id);
        assertThat(audit.raw().body()).doesNotContain(userName).doesNotContain(userName.toLowerCase());

        JsonNode errors = admin.get("/workspaces/" + workspaceId + "/connection").body().get("recentErrors");
        assertThat(errors.findValues("status").stream().map(JsonNode::asInt)).containsExactly(409);
        assertThat(admin.get("/workspaces/" + workspaceId + "/connection").body().get("users").asInt())
                .isEqualTo(1);
    }

    @Test
    void tokensAreNeitherStoredNorLoggedInClearText() {
        String workspaceId = workspace("Secretive");
        String token = token(workspaceId);
        Scim scim = Scim.bearer(shared.pipeline.ingestPorts().get(0), token);
        scim.post("/Users", OktaRequests.createUser(unique("secret")));
        scim.get("/Users");
        Scim.bearer(shared.pipeline.ingestPorts().get(1), token + "-wrong").get("/Users");

        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                assertThat(document.toJson()).doesNotContain(token).doesNotContain(shared.token)
                        .doesNotContain(shared.adminKey);
            }
        }
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(token).doesNotContain(shared.adminKey));
    }

    private static String workspace(String name) {
        return admin.postJson("/workspaces", "{\"name\":\"" + name + "\"}").body().get("id").asString();
    }

    private static String token(String workspaceId) {
        return admin.post("/workspaces/" + workspaceId + "/scim-token", "").body().get("token").asString();
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID() + "@example.com";
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
