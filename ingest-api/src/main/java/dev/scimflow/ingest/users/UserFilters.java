package dev.scimflow.ingest.users;

import java.util.Locale;
import java.util.regex.Pattern;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

import dev.scimflow.contract.store.UserDocuments;
import dev.scimflow.ingest.scim.Filter;
import dev.scimflow.ingest.scim.ScimException;
import tools.jackson.databind.JsonNode;

/**
 * Translates a SCIM filter on Users into a MongoDB query. Only attributes listed here can be filtered; each maps to
 * a stored field, so nothing of the filter reaches MongoDB as an operator or a field name, and string matches are
 * escaped before they become regular expressions.
 *
 * <p>Note that the filterable attributes are {@code id}, {@code userName} (case-insensitive, indexed),
 * {@code externalId} and {@code active}; other attributes are refused with {@code invalidFilter}.
 */
final class UserFilters {

    private static final String CORE_PREFIX = "urn:ietf:params:scim:schemas:core:2.0:user:";

    private UserFilters() {
    }

    static Bson toQuery(Filter filter) {
        if (filter instanceof Filter.And and) {
            return Filters.and(toQuery(and.left()), toQuery(and.right()));
        }
        if (filter instanceof Filter.Or or) {
            return Filters.or(toQuery(or.left()), toQuery(or.right()));
        }
        if (filter instanceof Filter.Not not) {
            return Filters.nor(toQuery(not.filter()));
        }
        if (filter instanceof Filter.Compare compare) {
            return compare(compare);
        }
        Filter.ValuePath path = (Filter.ValuePath) filter;
        throw ScimException.invalidFilter("Filtering on '" + path.attribute() + "' is not supported");
    }

    private static Bson compare(Filter.Compare compare) {
        String attribute = compare.attribute().toLowerCase(Locale.ROOT);
        if (attribute.startsWith(CORE_PREFIX)) {
            attribute = attribute.substring(CORE_PREFIX.length());
        }
        return switch (attribute) {
            case "id" -> string(UserDocuments.ID, compare, false);
            case "username" -> string(UserDocuments.USER_NAME_KEY, compare, true);
            case "externalid" -> string(UserDocuments.ATTRIBUTES + ".externalId", compare, false);
            case "active" -> bool(UserDocuments.ACTIVE, compare);
            default -> throw ScimException.invalidFilter("Filtering on '" + compare.attribute()
                    + "' is not supported");
        };
    }

    private static Bson string(String field, Filter.Compare compare, boolean lowerCase) {
        if (compare.operator() == Filter.Operator.PR) {
            return Filters.and(Filters.exists(field), Filters.ne(field, null));
        }
        JsonNode value = compare.value();
        if (!value.isString()) {
            throw ScimException.invalidFilter("'" + compare.attribute() + "' is compared with a string");
        }
        String text = lowerCase ? value.stringValue().toLowerCase(Locale.ROOT) : value.stringValue();
        return switch (compare.operator()) {
            case EQ -> Filters.eq(field, text);
            case NE -> Filters.ne(field, text);
            case CO -> Filters.regex(field, Pattern.quote(text));
            case SW -> Filters.regex(field, "^" + Pattern.quote(text));
            case EW -> Filters.regex(field, Pattern.quote(text) + "$");
            case GT -> Filters.gt(field, text);
            case GE -> Filters.gte(field, text);
            case LT -> Filters.lt(field, text);
            case LE -> Filters.lte(field, text);
            case PR -> throw new IllegalStateException("handled above");
        };
    }

    private static Bson bool(String field, Filter.Compare compare) {
        if (compare.operator() == Filter.Operator.PR) {
            return Filters.exists(field);
        }
        if (!compare.value().isBoolean()) {
            throw ScimException.invalidFilter("'" + compare.attribute() + "' is compared with true or false");
        }
        return switch (compare.operator()) {
            case EQ -> Filters.eq(field, compare.value().booleanValue());
            case NE -> Filters.ne(field, compare.value().booleanValue());
            default -> throw ScimException.invalidFilter("'" + compare.attribute() + "' supports eq, ne and pr");
        };
    }
}
