package dev.scimflow.scim;

import tools.jackson.databind.JsonNode;

/** A parsed RFC 7644 filter (section 3.4.2.2). Attribute paths are kept as written; matching is the caller's. */
public sealed interface Filter {

    /** {@code attrPath op value}, or {@code attrPath pr} with a null value. */
    record Compare(String attribute, Operator operator, JsonNode value) implements Filter {
    }

    /**
     * {@code attr[filter]}: some value of the multi-valued {@code attr} matches {@code filter}, whose attribute
     * names are sub-attributes. The form {@code attr[filter].sub op value} (sent by Entra) is read as
     * {@code attr[filter and sub op value]}.
     */
    record ValuePath(String attribute, Filter filter) implements Filter {
    }

    record And(Filter left, Filter right) implements Filter {
    }

    record Or(Filter left, Filter right) implements Filter {
    }

    record Not(Filter filter) implements Filter {
    }

    enum Operator {
        EQ, NE, CO, SW, EW, GT, GE, LT, LE, PR
    }
}
