package dev.scimflow.ingest.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.scimflow.contract.UserState;
import dev.scimflow.contract.store.UserDocuments;
import dev.scimflow.ingest.scim.MongoFilters;
import dev.scimflow.scim.FilterParser;
import dev.scimflow.scim.ScimException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SCIM filters on Users, translated to MongoDB queries and run against a MongoDB wire server. */
class UserFiltersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> users;

    @BeforeAll
    static void seed() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        users = client.getDatabase("test").getCollection("users");
        users.insertOne(user("1", "Barbara.Jensen@Example.com", true, "2026-01-01T00:00:00Z", """
                {"displayName":"Babs Jensen","externalId":"00uA","title":"Tour Guide",
                 "name":{"givenName":"Barbara","familyName":"Jensen"},
                 "emails":[{"value":"Barbara.Jensen@Example.com","type":"work","primary":true},
                           {"value":"babs@home.example","type":"home"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Tours"}}"""));
        users.insertOne(user("2", "mandy@example.org", false, "2026-02-01T00:00:00Z", """
                {"displayName":"Mandy Pepperidge","externalId":"00uB","userType":"Intern",
                 "emails":[{"value":"mandy@example.org","type":"work"}]}"""));
        users.insertOne(user("3", "a.b@example.com", true, "2026-03-01T00:00:00Z", """
                {"displayName":"A (dot) B","externalId":"00uc"}"""));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "userName eq \"BARBARA.JENSEN@example.COM\"                  | 1",
        "userName sw \"barbara\"                                     | 1",
        "userName ew \"@EXAMPLE.COM\"                                | 1,3",
        "userName co \"a.b\"                                         | 3",
        "userName co \"a.*\"                                         | ''",
        "userName ne \"mandy@example.org\"                           | 1,3",
        "externalId eq \"00uA\"                                      | 1",
        "externalId eq \"00ua\"                                      | ''",
        "id eq \"2\"                                                 | 2",
        "displayName eq \"babs jensen\"                              | 1",
        "displayName co \"(dot)\"                                    | 3",
        "name.familyName eq \"JENSEN\"                               | 1",
        "title pr                                                    | 1",
        "userType eq \"Intern\" and active eq false                  | 2",
        "active eq true                                              | 1,3",
        "not (active eq true)                                        | 2",
        "emails.value eq \"BABS@home.example\"                       | 1",
        "emails eq \"mandy@example.org\"                             | 2",
        "emails[type eq \"work\" and value co \"example.org\"]       | 2",
        "emails[type eq \"work\"].value eq \"barbara.jensen@example.com\" | 1",
        "emails[type eq \"home\"]                                    | 1",
        "meta.created gt \"2026-01-15T00:00:00Z\"                    | 2,3",
        "meta.lastModified le \"2026-02-01T00:00:00Z\"               | 1,2",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"tours\" | 1",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a.b@example.com\" | 3",
        "(userName sw \"a\" or userName sw \"m\") and not (externalId eq \"00uB\") | 3"})
    void matchesWhatTheRfcSays(String filter, String expectedIds) {
        assertThat(ids(filter)).isEqualTo(expectedIds.isEmpty() ? List.of() : List.of(expectedIds.split(",")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$where eq \"1\"", "workspaceId eq \"x\"", "password eq \"x\"", "groups.value eq \"g\"",
        "name eq \"x\"", "active eq \"yes\"", "meta.created gt \"yesterday\"", "userName eq 1",
        "emails[nope eq \"x\"]", "attributes.userName eq \"x\"", "meta.created gt \"+300000000-01-01T00:00:00Z\""})
    void refusesWhatCannotBeFiltered(String filter) {
        assertThatThrownBy(() -> ids(filter)).isInstanceOfSatisfying(ScimException.class,
                ex -> assertThat(ex.scimType()).isEqualTo("invalidFilter"));
    }

    @Test
    void controlCharactersAreMatchedLiterallyNotRejectedByTheStore() {
        assertThat(ids("displayName co \"\\u0000\" or userName sw \"mandy\\t\"")).isEmpty();
        assertThat(MongoFilters.regexLiteral("a.b\u0000(c)")).isEqualTo("a\\.b\\x00\\(c\\)");
    }

    private static List<String> ids(String filter) {
        List<String> ids = new ArrayList<>();
        users.find(MongoFilters.toQuery(FilterParser.parse(filter), UserFields.INSTANCE))
                .sort(new Document("_id", 1)).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static Document user(String id, String userName, boolean active, String at, String json) {
        ObjectNode attributes = (ObjectNode) JSON.readTree(json);
        attributes.put("userName", userName).put("active", active);
        Instant instant = Instant.parse(at);
        return UserDocuments.toDocument(new UserState(id, "w", userName, active, attributes, instant, instant, 1));
    }
}
