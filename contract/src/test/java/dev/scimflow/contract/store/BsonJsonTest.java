package dev.scimflow.contract.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dev.scimflow.contract.EventJson;
import tools.jackson.databind.JsonNode;

class BsonJsonTest {

    @Test
    void keysMongoDbWouldInterpretAreEscapedAndComeBackUnchanged() {
        JsonNode json = EventJson.MAPPER.readTree("""
                {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"271"}},
                 "$where":"1","a%2Eb":true,"emails":[{"value":"x@example.com","primary":true}],"n":12.5,"big":7}
                """);

        Document document = BsonJson.toDocument(json);

        assertThat(document.keySet()).allSatisfy(key -> assertThat(key).doesNotContain(".").doesNotStartWith("$"));
        assertThat(BsonJson.toJson(document)).isEqualTo(json);
    }
}
