package dev.scimflow.scim;

import java.util.Locale;
import java.util.Optional;

import dev.scimflow.scim.schema.Attribute;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a value filter against one value of a multi-valued complex attribute, as PATCH paths such as
 * {@code emails[type eq "work"]} need. String comparisons ignore case unless the sub-attribute is case-exact.
 */
public final class FilterMatcher {

    private FilterMatcher() {
    }

    public static boolean matches(Filter filter, Attribute attribute, JsonNode value) {
        if (filter instanceof Filter.And and) {
            return matches(and.left(), attribute, value) && matches(and.right(), attribute, value);
        }
        if (filter instanceof Filter.Or or) {
            return matches(or.left(), attribute, value) || matches(or.right(), attribute, value);
        }
        if (filter instanceof Filter.Not not) {
            return !matches(not.filter(), attribute, value);
        }
        if (filter instanceof Filter.Compare compare) {
            return compare(compare, attribute, value);
        }
        throw ScimException.invalidFilter("Value filters cannot be nested");
    }

    private static boolean compare(Filter.Compare compare, Attribute attribute, JsonNode value) {
        Optional<Attribute> sub = attribute.subAttribute(compare.attribute());
        JsonNode actual = sub.map(found -> value.get(found.name())).orElse(null);
        if (compare.operator() == Filter.Operator.PR) {
            return actual != null && !actual.isNull() && !(actual.isString() && actual.stringValue().isEmpty());
        }
        JsonNode expected = compare.value();
        if (actual == null || actual.isNull()) {
            return compare.operator() == Filter.Operator.NE ? !expected.isNull()
                    : compare.operator() == Filter.Operator.EQ && expected.isNull();
        }
        if (actual.isBoolean() || expected.isBoolean()) {
            boolean equal = actual.isBoolean() && expected.isBoolean() && actual.booleanValue() == expected
                    .booleanValue();
            return compare.operator() == Filter.Operator.EQ ? equal
                    : compare.operator() == Filter.Operator.NE && !equal;
        }
        boolean caseExact = sub.map(Attribute::caseExact).orElse(false);
        String left = caseExact ? actual.asString() : actual.asString().toLowerCase(Locale.ROOT);
        String right = caseExact ? expected.asString() : expected.asString().toLowerCase(Locale.ROOT);
        return switch (compare.operator()) {
            case EQ -> left.equals(right);
            case NE -> !left.equals(right);
            case CO -> left.contains(right);
            case SW -> left.startsWith(right);
            case EW -> left.endsWith(right);
            case GT -> left.compareTo(right) > 0;
            case GE -> left.compareTo(right) >= 0;
            case LT -> left.compareTo(right) < 0;
            case LE -> left.compareTo(right) <= 0;
            case PR -> true;
        };
    }
}
