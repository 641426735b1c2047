package dev.scimflow.ingest.groups;

import java.util.Locale;
import java.util.Optional;

import dev.scimflow.contract.store.TeamDocuments;
import dev.scimflow.ingest.scim.MongoFilters.Field;
import dev.scimflow.ingest.scim.MongoFilters.Fields;
import dev.scimflow.ingest.scim.MongoFilters.Kind;
import dev.scimflow.scim.schema.Schemas;

/**
 * Where each Group attribute is stored, for filters and sorting: {@code displayName} (case-insensitive, indexed),
 * {@code externalId}, {@code id} and the {@code meta} times. Note that members cannot be filtered on here; to page
 * through a team's members, filter Users on {@code groups.value eq "<group id>"}.
 */
final class GroupFields implements Fields {

    static final GroupFields INSTANCE = new GroupFields();
    private static final String CORE_PREFIX = Schemas.GROUP.toLowerCase(Locale.ROOT) + ":";

    private GroupFields() {
    }

    @Override
    public Optional<Field> field(String path) {
        String name = path.startsWith(CORE_PREFIX) ? path.substring(CORE_PREFIX.length()) : path;
        return switch (name) {
            case "id" -> Optional.of(new Field(TeamDocuments.ID, Kind.STRING, true));
            case "displayname" -> Optional.of(new Field(TeamDocuments.DISPLAY_NAME_KEY, Kind.LOWER_CASED, false));
            case "externalid" -> Optional.of(new Field(TeamDocuments.ATTRIBUTES + ".externalId", Kind.STRING, true));
            case "meta.created" -> Optional.of(new Field(TeamDocuments.CREATED, Kind.DATE, true));
            case "meta.lastmodified" -> Optional.of(new Field(TeamDocuments.LAST_MODIFIED, Kind.DATE, true));
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<ValueField> values(String attribute) {
        return Optional.empty();
    }
}
