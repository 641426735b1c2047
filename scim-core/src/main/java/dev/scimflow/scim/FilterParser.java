package dev.scimflow.scim;

import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A recursive-descent parser of the RFC 7644 filter grammar: comparisons, {@code pr}, {@code and}/{@code or}/
 * {@code not}, parentheses and value paths. Every error is a {@code 400 invalidFilter}; input is bounded in length
 * and nesting so that a hostile filter cannot exhaust the stack.
 */
public final class FilterParser {

    static final int MAX_LENGTH = 4096;
    static final int MAX_DEPTH = 32;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String text;
    private int position;
    private int depth;

    private FilterParser(String text) {
        this.text = text;
    }

    public static Filter parse(String text) {
        if (text == null || text.isBlank()) {
            throw ScimException.invalidFilter("The filter is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters");
        }
        FilterParser parser = new FilterParser(text);
        Filter filter = parser.or();
        parser.skipSpace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected text");
        }
        return filter;
    }

    private Filter or() {
        Filter left = and();
        while (keyword("or")) {
            left = new Filter.Or(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (keyword("and")) {
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        if (++depth > MAX_DEPTH) {
            throw ScimException.invalidFilter("The filter is nested too deeply");
        }
        try {
            if (keyword("not")) {
                return new Filter.Not(parenthesised());
            }
            skipSpace();
            if (peek() == '(') {
                return parenthesised();
            }
            return attributeExpression();
        }
        finally {
            depth--;
        }
    }

    private Filter parenthesised() {
        expect('(');
        Filter inner = or();
        expect(')');
        return inner;
    }

    private Filter attributeExpression() {
        String attribute = attributePath();
        if (peek() == '[') {
            position++;
            Filter inner = or();
            expect(']');
            if (peek() == '.') {
                position++;
                String sub = name();
                Filter.Operator operator = operator();
                Filter compare = new Filter.Compare(sub, operator,
                        operator == Filter.Operator.PR ? null : value());
                inner = new Filter.And(inner, compare);
            }
            return new Filter.ValuePath(attribute, inner);
        }
        Filter.Operator operator = operator();
        if (operator == Filter.Operator.PR) {
            return new Filter.Compare(attribute, operator, null);
        }
        return new Filter.Compare(attribute, operator, value());
    }

    /** An attribute name, optionally URN-qualified and with one {@code .subAttr}. */
    private String attributePath() {
        skipSpace();
        int start = position;
        while (position < text.length() && isPathChar(text.charAt(position))) {
            position++;
        }
        if (start == position || !Character.isLetter(text.charAt(start))) {
            throw error("expected an attribute name");
        }
        return text.substring(start, position);
    }

    private String name() {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
                || text.charAt(position) == '_' || text.charAt(position) == '-')) {
            position++;
        }
        if (start == position) {
            throw error("expected a sub-attribute name");
        }
        return text.substring(start, position);
    }

    private Filter.Operator operator() {
        skipSpace();
        int start = position;
        while (position < text.length() && Character.isLetter(text.charAt(position))) {
            position++;
        }
        String word = text.substring(start, position).toUpperCase(Locale.ROOT);
        try {
            return Filter.Operator.valueOf(word);
        }
        catch (IllegalArgumentException ex) {
            position = start;
            throw error("expected a comparison operator");
        }
    }

    /** A JSON value: string, number, true, false or null. */
    private JsonNode value() {
        skipSpace();
        int start = position;
        if (peek() == '"') {
            position++;
            while (position < text.length() && text.charAt(position) != '"') {
                position += text.charAt(position) == '\\' ? 2 : 1;
            }
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            position++;
        }
        else {
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                    && text.charAt(position) != ')' && text.charAt(position) != ']') {
                position++;
            }
        }
        return literal(text.substring(start, position), start);
    }

    private JsonNode literal(String token, int start) {
        if (token.isEmpty()) {
            throw error("expected a value");
        }
        try {
            JsonNode node = JSON.readTree(token);
            if (node.isContainer() || node.isMissingNode()) {
                throw error("expected a string, number, boolean or null at " + start);
            }
            return node.isNull() ? JsonNodeFactory.instance.nullNode() : node;
        }
        catch (JacksonException ex) {
            position = start;
            throw error("invalid value");
        }
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = position + word.length();
        if (end < text.length() && text.regionMatches(true, position, word, 0, word.length())
                && (Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(')) {
            position = end;
            return true;
        }
        return false;
    }

    private void expect(char expected) {
        skipSpace();
        if (peek() != expected) {
            throw error("expected '" + expected + "'");
        }
        position++;
    }

    private char peek() {
        skipSpace();
        return position < text.length() ? text.charAt(position) : 0;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isPathChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '$';
    }

    private ScimException error(String what) {
        return ScimException.invalidFilter("Invalid filter: " + what + " at position " + position);
    }
}
