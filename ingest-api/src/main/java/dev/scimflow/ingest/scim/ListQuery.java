package dev.scimflow.ingest.scim;

import java.util.Locale;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Sorts;

import dev.scimflow.scim.Filter;
import dev.scimflow.scim.FilterParser;
import dev.scimflow.scim.ScimException;

/**
 * The query parameters of a SCIM list (RFC 7644 section 3.4.2): a parsed filter, 1-based {@code startIndex},
 * {@code count} lowered to the page cap, and the sort order. Pages are ordered by the requested attribute, then by
 * creation and id, so that paging is stable.
 */
public record ListQuery(Filter filter, int startIndex, int count, Bson sort) {

    public static final int DEFAULT_COUNT = 100;

    public static ListQuery of(String filter, Integer startIndex, Integer count, String sortBy, String sortOrder,
            int maxCount, MongoFilters.Fields fields, String createdField) {
        Filter parsed = filter == null || filter.isBlank() ? null : FilterParser.parse(filter);
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = Math.min(count == null ? DEFAULT_COUNT : Math.max(count, 0), maxCount);
        boolean descending = descending(sortOrder);
        Bson order = Sorts.ascending(createdField, "_id");
        if (sortBy != null && !sortBy.isBlank()) {
            MongoFilters.Field field = fields.field(sortBy.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> ScimException.invalidValue("Sorting by '" + sortBy + "' is not supported"));
            order = Sorts.orderBy(descending ? Sorts.descending(field.path()) : Sorts.ascending(field.path()), order);
        }
        else if (descending) {
            order = Sorts.descending(createdField, "_id");
        }
        return new ListQuery(parsed, start, size, order);
    }

    private static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("descending")) {
            return true;
        }
        throw ScimException.invalidValue("sortOrder is 'ascending' or 'descending'");
    }
}
