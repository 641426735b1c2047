package dev.scimflow.ingest.deadletters;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.scimflow.scim.ScimException;

/**
 * Dead letters in the admin API (behind the admin credential): {@code GET /admin/v1/dead-letters/{topic}} lists
 * those not replayed yet, {@code POST /admin/v1/dead-letters/{topic}/replay} publishes them back.
 */
@RestController
@RequestMapping(path = "/admin/v1/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private static final int MAX_LISTED = 500;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Map<String, Object> topics() {
        return Map.of("topics", DeadLetters.TOPICS.stream().sorted().toList());
    }

    @GetMapping("/{topic}")
    Map<String, Object> pending(@PathVariable String topic, @RequestParam(defaultValue = "100") int count) {
        List<DeadLetters.Entry> entries = deadLetters.pending(known(topic), Math.max(1, Math.min(count,
                MAX_LISTED)));
        return Map.of("topic", topic, "entries", entries);
    }

    @PostMapping("/{topic}/replay")
    Map<String, Object> replay(@PathVariable String topic) {
        return Map.of("topic", topic, "replayed", deadLetters.replay(known(topic)));
    }

    private static String known(String topic) {
        if (!DeadLetters.TOPICS.contains(topic)) {
            throw new ScimException(404, null, "No dead letters are kept for topic " + topic);
        }
        return topic;
    }
}
