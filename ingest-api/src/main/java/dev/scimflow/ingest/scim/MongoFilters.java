package dev.scimflow.ingest.scim;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

import dev.scimflow.scim.Filter;
import dev.scimflow.scim.ScimException;
import dev.scimflow.scim.schema.Attribute;
import tools.jackson.databind.JsonNode;

/**
 * Translates SCIM filters into MongoDB queries. Attribute names are resolved by a {@link Fields} of the resource
 * type to stored fields, so nothing of a filter reaches MongoDB as an operator or a field name; string values
 * become regular expressions only after quoting. Attributes a filter cannot use are {@code invalidFilter}.
 *
 * <p>String comparisons follow the attribute's {@code caseExact}: fields stored lower-cased (such as the userName
 * key) are compared exactly and use their index; other case-insensitive strings are matched with a
 * case-insensitive expression. Note that {@code gt}, {@code ge}, {@code lt} and {@code le} on such strings compare
 * case-sensitively.
 */
public final class MongoFilters {

    private MongoFilters() {
    }

    /** How a stored field holds an attribute's values. */
    public enum Kind {
        /** Strings stored as sent. */
        STRING,
        /** Strings stored lower-cased: compare lower-cased values exactly. */
        LOWER_CASED,
        BOOLEAN,
        DATE
    }

    /** A stored field: its path, how it holds values, and whether string comparisons respect case. */
    public record Field(String path, Kind kind, boolean caseExact) {

        public static Field of(String path, Attribute attribute) {
            Kind kind = attribute.type() == Attribute.Type.BOOLEAN ? Kind.BOOLEAN
                    : attribute.type() == Attribute.Type.DATE_TIME ? Kind.DATE : Kind.STRING;
            return new Field(path, kind, attribute.caseExact());
        }
    }

    /** Resolves attribute paths of one resource type to stored fields. */
    public interface Fields {

        /** The field of an attribute path (lower-cased, without the core schema URN), if it can be filtered. */
        Optional<Field> field(String path);

        /** The field holding the values of a multi-valued complex attribute, for value paths. */
        Optional<ValueField> values(String attribute);

        /** Resolves the sub-attributes of a value path relative to one element. */
        record ValueField(String path, Attribute attribute) {
        }
    }

    public static Bson toQuery(Filter filter, Fields fields) {
        if (filter instanceof Filter.And and) {
            return Filters.and(toQuery(and.left(), fields), toQuery(and.right(), fields));
        }
        if (filter instanceof Filter.Or or) {
            return Filters.or(toQuery(or.left(), fields), toQuery(or.right(), fields));
        }
        if (filter instanceof Filter.Not not) {
            return Filters.nor(toQuery(not.filter(), fields));
        }
        if (filter instanceof Filter.ValuePath path) {
            Fields.ValueField values = fields.values(path.attribute().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> notFilterable(path.attribute()));
            return Filters.elemMatch(values.path(), toQuery(path.filter(), elementFields(values)));
        }
        Filter.Compare compare = (Filter.Compare) filter;
        Field field = fields.field(compare.attribute().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> notFilterable(compare.attribute()));
        return compare(field, compare);
    }

    /** Sub-attributes of a value path, as fields relative to the array element. */
    private static Fields elementFields(Fields.ValueField values) {
        return new Fields() {
            @Override
            public Optional<Field> field(String path) {
                return values.attribute().subAttribute(path).filter(sub -> !sub.isComplex())
                        .map(sub -> Field.of(sub.name(), sub));
            }

            @Override
            public Optional<ValueField> values(String attribute) {
                return Optional.empty();
            }
        };
    }

    private static Bson compare(Field field, Filter.Compare compare) {
        if (compare.operator() == Filter.Operator.PR) {
            return Filters.and(Filters.exists(field.path()), Filters.ne(field.path(), null),
                    Filters.ne(field.path(), List.of()), Filters.ne(field.path(), ""));
        }
        return switch (field.kind()) {
            case BOOLEAN -> bool(field, compare);
            case DATE -> date(field, compare);
            default -> string(field, compare);
        };
    }

    private static Bson string(Field field, Filter.Compare compare) {
        JsonNode value = compare.value();
        if (!value.isString()) {
            throw ScimException.invalidFilter("'" + compare.attribute() + "' is compared with a string");
        }
        boolean lowerCased = field.kind() == Kind.LOWER_CASED;
        String text = lowerCased ? value.stringValue().toLowerCase(Locale.ROOT) : value.stringValue();
        boolean exact = lowerCased || field.caseExact();
        String quoted = regexLiteral(text);
        String path = field.path();
        return switch (compare.operator()) {
            case EQ -> exact ? Filters.eq(path, text) : regex(path, "^" + quoted + "$");
            case NE -> exact ? Filters.ne(path, text) : Filters.not(regex(path, "^" + quoted + "$"));
            case CO -> exact ? Filters.regex(path, quoted) : regex(path, quoted);
            case SW -> exact ? Filters.regex(path, "^" + quoted) : regex(path, "^" + quoted);
            case EW -> exact ? Filters.regex(path, quoted + "$") : regex(path, quoted + "$");
            case GT -> Filters.gt(path, text);
            case GE -> Filters.gte(path, text);
            case LT -> Filters.lt(path, text);
            case LE -> Filters.lte(path, text);
            case PR -> throw new IllegalStateException("pr is handled by the caller");
        };
    }

    /**
     * The text as a regular expression matching it literally: metacharacters escaped, control characters (a NUL
     * cannot travel in a BSON regular expression) written as {@code \xHH}.
     */
    public static String regexLiteral(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                literal.append(String.format("\\x%02x", c));
            }
            else if (Character.isLetterOrDigit(c) || c > 0x7f) {
                literal.appendCodePoint(c);
            }
            else {
                literal.append('\\').appendCodePoint(c);
            }
        });
        return literal.toString();
    }

    private static Bson regex(String path, String pattern) {
        return Filters.regex(path, pattern, "i");
    }

    private static Bson bool(Field field, Filter.Compare compare) {
        if (!compare.value().isBoolean()) {
            throw ScimException.invalidFilter("'" + compare.attribute() + "' is compared with true or false");
        }
        boolean value = compare.value().booleanValue();
        return switch (compare.operator()) {
            case EQ -> Filters.eq(field.path(), value);
            case NE -> Filters.ne(field.path(), value);
            default -> throw ScimException.invalidFilter("'" + compare.attribute() + "' supports eq, ne and pr");
        };
    }

    private static Bson date(Field field, Filter.Compare compare) {
        Date value;
        try {
            value = Date.from(Instant.parse(compare.value().asString()));
        }
        catch (DateTimeParseException | IllegalArgumentException | ArithmeticException ex) {
            throw ScimException.invalidFilter("'" + compare.attribute() + "' is compared with a date-time such as"
                    + " \"2026-01-31T12:00:00Z\"");
        }
        return switch (compare.operator()) {
            case EQ -> Filters.eq(field.path(), value);
            case NE -> Filters.ne(field.path(), value);
            case GT -> Filters.gt(field.path(), value);
            case GE -> Filters.gte(field.path(), value);
            case LT -> Filters.lt(field.path(), value);
            case LE -> Filters.lte(field.path(), value);
            default -> throw ScimException.invalidFilter("'" + compare.attribute() + "' supports eq, ne, gt, ge,"
                    + " lt, le and pr");
        };
    }

    private static ScimException notFilterable(String attribute) {
        return ScimException.invalidFilter("Filtering on '" + attribute + "' is not supported");
    }
}
