package dev.scimflow.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scimflow.scim.Filter.And;
import dev.scimflow.scim.Filter.Compare;
import dev.scimflow.scim.Filter.Not;
import dev.scimflow.scim.Filter.Operator;
import dev.scimflow.scim.Filter.Or;
import dev.scimflow.scim.Filter.ValuePath;

/** The filter grammar of RFC 7644 section 3.4.2.2, with the RFC's own examples. */
class FilterParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "userName Eq \"john\"",
        "name.familyName co \"O'Malley\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
        "title pr",
        "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
        "title pr and userType eq \"Employee\"",
        "title pr or userType eq \"Intern\"",
        "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
        "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
        "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
        "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
        "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
        "active eq true", "externalId eq null", "members[value eq \"2819c223\"]"})
    void parsesTheRfcExamples(String filter) {
        assertThat(FilterParser.parse(filter)).isNotNull();
    }

    @Test
    void buildsTheTreeWithAndBindingTighterThanOr() {
        Filter filter = FilterParser.parse("a eq 1 or b eq 2 and not (c pr)");

        assertThat(filter).isInstanceOf(Or.class);
        Or or = (Or) filter;
        assertThat(((Compare) or.left()).operator()).isEqualTo(Operator.EQ);
        assertThat(or.right()).isInstanceOf(And.class);
        assertThat(((And) or.right()).right()).isInstanceOf(Not.class);
    }

    @Test
    void readsEntrasValuePathComparisonAsAConjunctionInsideTheValuePath() {
        ValuePath path = (ValuePath) FilterParser.parse("emails[type eq \"work\"].value eq \"a@example.com\"");

        assertThat(path.attribute()).isEqualTo("emails");
        And both = (And) path.filter();
        assertThat(((Compare) both.left()).value().asString()).isEqualTo("work");
        assertThat(((Compare) both.right()).attribute()).isEqualTo("value");
        assertThat(((Compare) both.right()).value().asString()).isEqualTo("a@example.com");
    }

    @Test
    void decodesJsonStringEscapes() {
        Compare compare = (Compare) FilterParser.parse("displayName eq \"say \\\"hi\\\" \\u00e9\"");

        assertThat(compare.value().asString()).isEqualTo("say \"hi\" é");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "userName", "userName eq", "userName xx \"a\"", "userName eq \"a",
        "(userName eq \"a\"", "userName eq \"a\")", "userName eq \"a\" and", "not userName eq \"a\"",
        "emails[type eq \"work\"", "emails[type eq \"work\"].value", "userName eq {\"$ne\":1}", "userName eq [1]",
        "1abc eq \"a\"",
        "userName eq \"a\" or or b eq \"c\""})
    void refusesMalformedFiltersAsInvalidFilter(String filter) {
        assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOfSatisfying(ScimException.class,
                ex -> assertThat(ex.scimType()).isEqualTo("invalidFilter"));
    }

    @Test
    void refusesFiltersNestedTooDeeply() {
        String deep = "(".repeat(200) + "a pr" + ")".repeat(200);

        assertThatThrownBy(() -> FilterParser.parse(deep)).isInstanceOf(ScimException.class);
    }
}
