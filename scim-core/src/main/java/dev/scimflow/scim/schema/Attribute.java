package dev.scimflow.scim.schema;

import java.util.List;
import java.util.Optional;

/**
 * An attribute definition of RFC 7643 section 7, with the characteristics this server relies on.
 *
 * @param name          the attribute name in its canonical spelling
 * @param type          the data type
 * @param multiValued   whether values come as an array
 * @param required      whether a create or replace must carry it
 * @param caseExact     whether string comparisons respect case
 * @param mutability    who may change it
 * @param returned      when it is returned
 * @param uniqueness    {@code none}, {@code server} or {@code global}
 * @param subAttributes the sub-attributes of a complex attribute
 * @param description   a short description for {@code /Schemas}
 */
public record Attribute(String name, Type type, boolean multiValued, boolean required, boolean caseExact,
        Mutability mutability, Returned returned, String uniqueness, List<Attribute> subAttributes,
        String description) {

    public enum Type {
        STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"), DATE_TIME("dateTime"),
        REFERENCE("reference"), BINARY("binary"), COMPLEX("complex");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public enum Mutability {
        READ_ONLY("readOnly"), READ_WRITE("readWrite"), IMMUTABLE("immutable"), WRITE_ONLY("writeOnly");

        private final String wire;

        Mutability(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public enum Returned {
        ALWAYS("always"), NEVER("never"), DEFAULT("default"), REQUEST("request");

        private final String wire;

        Returned(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Attribute {
        subAttributes = List.copyOf(subAttributes);
    }

    /** A read-write, single-valued, case-insensitive string. */
    public static Attribute string(String name, String description) {
        return new Attribute(name, Type.STRING, false, false, false, Mutability.READ_WRITE, Returned.DEFAULT, "none",
                List.of(), description);
    }

    public static Attribute of(String name, Type type, String description) {
        return new Attribute(name, type, false, false, false, Mutability.READ_WRITE, Returned.DEFAULT, "none",
                List.of(), description);
    }

    public static Attribute complex(String name, String description, Attribute... subAttributes) {
        return new Attribute(name, Type.COMPLEX, false, false, false, Mutability.READ_WRITE, Returned.DEFAULT,
                "none", List.of(subAttributes), description);
    }

    public Attribute asMultiValued() {
        return new Attribute(name, type, true, required, caseExact, mutability, returned, uniqueness, subAttributes,
                description);
    }

    public Attribute asRequired() {
        return new Attribute(name, type, multiValued, true, caseExact, mutability, returned, uniqueness,
                subAttributes, description);
    }

    public Attribute asCaseExact() {
        return new Attribute(name, type, multiValued, required, true, mutability, returned, uniqueness,
                subAttributes, description);
    }

    public Attribute withMutability(Mutability value) {
        return new Attribute(name, type, multiValued, required, caseExact, value, returned, uniqueness,
                subAttributes, description);
    }

    public Attribute withReturned(Returned value) {
        return new Attribute(name, type, multiValued, required, caseExact, mutability, value, uniqueness,
                subAttributes, description);
    }

    public Attribute withUniqueness(String value) {
        return new Attribute(name, type, multiValued, required, caseExact, mutability, returned, value,
                subAttributes, description);
    }

    /** The sub-attribute of that name, ignoring case. */
    public Optional<Attribute> subAttribute(String subName) {
        return subAttributes.stream().filter(sub -> sub.name.equalsIgnoreCase(subName)).findFirst();
    }

    public boolean isComplex() {
        return type == Type.COMPLEX;
    }

    public boolean isReadOnly() {
        return mutability == Mutability.READ_ONLY;
    }
}
