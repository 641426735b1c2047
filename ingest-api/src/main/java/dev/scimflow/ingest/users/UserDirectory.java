package dev.scimflow.ingest.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import dev.scimflow.contract.store.UserDocuments;

/** Answers other features' questions about users, such as whether a team's new members exist. */
@Component
public class UserDirectory {

    private static final int BATCH = 1000;

    private final MongoOperations mongo;

    UserDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * The ids, of those given, that are not live users of the workspace: unknown, deleted, or of another workspace.
     * Users are looked up by id alone and checked against the workspace here.
     */
    public Set<String> missing(String workspaceId, Collection<String> userIds) {
        Set<String> missing = new LinkedHashSet<>(userIds);
        List<String> ids = new ArrayList<>(missing);
        for (int i = 0; i < ids.size(); i += BATCH) {
            mongo.getCollection(UserDocuments.COLLECTION)
                    .find(Filters.in(UserDocuments.ID, ids.subList(i, Math.min(ids.size(), i + BATCH))))
                    .projection(Projections.include(UserDocuments.WORKSPACE_ID, UserDocuments.DELETED))
                    .forEach(document -> {
                        if (live(document, workspaceId)) {
                            missing.remove(document.getString(UserDocuments.ID));
                        }
                    });
        }
        return missing;
    }

    private static boolean live(Document document, String workspaceId) {
        return workspaceId.equals(document.getString(UserDocuments.WORKSPACE_ID))
                && !document.getBoolean(UserDocuments.DELETED, false);
    }
}
