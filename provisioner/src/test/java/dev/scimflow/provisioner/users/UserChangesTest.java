package dev.scimflow.provisioner.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.EventJson;
import dev.scimflow.contract.UserEventType;
import dev.scimflow.provisioner.users.UserChanges.Applied;

/** Applying user changes against a MongoDB wire server, above all applying one twice. */
class UserChangesTest {

    private MongoServer server;
    private MongoClient client;
    private UserChanges changes;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        UserStore store = new UserStore(new MongoTemplate(client, "test"));
        store.createIndexes();
        changes = new UserChanges(store);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aRedeliveredChangeIsNotAppliedAgainButItsOutcomeAndEventArePublishedAgain() {
        ChangeEvent create = event(ChangeType.USER_CREATE, "u1", "{\"userName\":\"a@example.com\"}");

        Applied first = changes.apply(create, 0, 7);
        Applied redelivered = changes.apply(create, 0, 7);

        assertThat(first.outcome().status()).isEqualTo(201);
        assertThat(redelivered.outcome()).isEqualTo(first.outcome());
        assertThat(redelivered.event()).isEqualTo(first.event());
        assertThat(redelivered.outcome().user().version()).isEqualTo(1);
    }

    @Test
    void anOlderChangeSeenAgainAnswersWithoutASecondEvent() {
        ChangeEvent create = event(ChangeType.USER_CREATE, "u1", "{\"userName\":\"a@example.com\"}");
        ChangeEvent deactivate = event(ChangeType.USER_PATCH, "u1",
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        changes.apply(create, 0, 7);
        Applied deactivated = changes.apply(deactivate, 0, 8);

        Applied again = changes.apply(create, 0, 7);

        assertThat(deactivated.event().type()).isEqualTo(UserEventType.DEACTIVATED);
        assertThat(again.event()).isNull();
        assertThat(again.outcome().user().version()).isEqualTo(2);
        assertThat(again.outcome().user().active()).isFalse();
    }

    @Test
    void aDuplicateUserNameInTheWorkspaceIsRefusedButAllowedInAnother() {
        changes.apply(event(ChangeType.USER_CREATE, "u1", "{\"userName\":\"Same@example.com\"}"), 0, 1);

        Applied duplicate = changes.apply(event(ChangeType.USER_CREATE, "u2", "{\"userName\":\"same@EXAMPLE.com\"}"),
                1, 1);
        Applied elsewhere = changes.apply(new ChangeEvent(ChangeType.USER_CREATE, 1, UUID.randomUUID().toString(),
                "other-workspace", "u3", Instant.now(), null, null, null,
                EventJson.MAPPER.readTree("{\"userName\":\"same@example.com\"}")), 2, 1);

        assertThat(duplicate.outcome().status()).isEqualTo(409);
        assertThat(duplicate.outcome().scimType()).isEqualTo("uniqueness");
        assertThat(duplicate.event()).isNull();
        assertThat(elsewhere.outcome().status()).isEqualTo(201);
    }

    @Test
    void changesToAnUnknownUserAreNotFound() {
        Applied missing = changes.apply(event(ChangeType.USER_REPLACE, "nobody", "{\"userName\":\"n@example.com\"}"),
                0, 1);

        assertThat(missing.outcome().status()).isEqualTo(404);
        assertThat(missing.event()).isNull();
    }

    private static ChangeEvent event(ChangeType type, String userId, String payload) {
        return new ChangeEvent(type, ChangeEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "w1", userId,
                Instant.now(), null, "test", null, EventJson.MAPPER.readTree(payload));
    }
}
