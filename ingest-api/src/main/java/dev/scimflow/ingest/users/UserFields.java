package dev.scimflow.ingest.users;

import java.util.Locale;
import java.util.Optional;

import dev.scimflow.contract.store.BsonJson;
import dev.scimflow.contract.store.UserDocuments;
import dev.scimflow.ingest.scim.MongoFilters.Field;
import dev.scimflow.ingest.scim.MongoFilters.Fields;
import dev.scimflow.ingest.scim.MongoFilters.Kind;
import dev.scimflow.scim.schema.Attribute;
import dev.scimflow.scim.schema.ResourceSchema;
import dev.scimflow.scim.schema.Schemas;

/**
 * Where each User attribute is stored, for filters and sorting. {@code userName} and {@code emails.value} use
 * lower-cased, indexed fields; {@code externalId} is indexed too; other attributes of the User and enterprise
 * schemas are matched in the stored attributes within the workspace.
 */
final class UserFields implements Fields {

    static final UserFields INSTANCE = new UserFields();

    private static final String CORE_PREFIX = Schemas.USER.toLowerCase(Locale.ROOT) + ":";
    private static final String ENTERPRISE_PREFIX = Schemas.ENTERPRISE_USER.toLowerCase(Locale.ROOT) + ":";

    private UserFields() {
    }

    @Override
    public Optional<Field> field(String path) {
        String name = path.startsWith(CORE_PREFIX) ? path.substring(CORE_PREFIX.length()) : path;
        switch (name) {
            case "id":
                return Optional.of(new Field(UserDocuments.ID, Kind.STRING, true));
            case "username":
                return Optional.of(new Field(UserDocuments.USER_NAME_KEY, Kind.LOWER_CASED, false));
            case "emails", "emails.value":
                return Optional.of(new Field(UserDocuments.EMAIL_KEYS, Kind.LOWER_CASED, false));
            case "active":
                return Optional.of(new Field(UserDocuments.ACTIVE, Kind.BOOLEAN, true));
            case "meta.created":
                return Optional.of(new Field(UserDocuments.CREATED, Kind.DATE, true));
            case "meta.lastmodified":
                return Optional.of(new Field(UserDocuments.LAST_MODIFIED, Kind.DATE, true));
            default:
                break;
        }
        if (name.startsWith(ENTERPRISE_PREFIX)) {
            return stored(Schemas.ENTERPRISE_USER_SCHEMA, name.substring(ENTERPRISE_PREFIX.length()),
                    UserDocuments.ATTRIBUTES + "." + BsonJson.escapeKey(Schemas.ENTERPRISE_USER) + ".");
        }
        return stored(Schemas.USER_SCHEMA, name, UserDocuments.ATTRIBUTES + ".");
    }

    @Override
    public Optional<ValueField> values(String attribute) {
        String name = attribute.startsWith(CORE_PREFIX) ? attribute.substring(CORE_PREFIX.length()) : attribute;
        return Schemas.USER_SCHEMA.attribute(name).filter(found -> found.multiValued() && found.isComplex())
                .map(found -> new ValueField(UserDocuments.ATTRIBUTES + "." + found.name(), found));
    }

    /** A simple attribute, or a sub-attribute, in the stored attributes (a multi-valued one matches any value). */
    private static Optional<Field> stored(ResourceSchema schema, String name, String prefix) {
        int dot = name.indexOf('.');
        Optional<Attribute> attribute = schema.attribute(dot < 0 ? name : name.substring(0, dot));
        if (attribute.isEmpty() || attribute.get().isReadOnly()
                || attribute.get().mutability() == Attribute.Mutability.WRITE_ONLY) {
            return Optional.empty();
        }
        if (dot < 0) {
            Attribute found = attribute.get();
            if (found.isComplex()) {
                return found.multiValued() ? found.subAttribute("value")
                        .map(sub -> Field.of(prefix + found.name() + ".value", sub)) : Optional.empty();
            }
            return Optional.of(Field.of(prefix + found.name(), found));
        }
        return attribute.get().subAttribute(name.substring(dot + 1)).filter(sub -> !sub.isComplex())
                .map(sub -> Field.of(prefix + attribute.get().name() + "." + sub.name(), sub));
    }
}
