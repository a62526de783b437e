package dev.flotilla.api.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, printing and matching, with tables ported in spirit from apimachinery's tests. */
class LabelSelectorTest {

  private static SelectorSyntaxException parseError(String input) {
    return assertThrows(SelectorSyntaxException.class, () -> LabelSelector.parse(input));
  }

  private static LabelSelector sel(Requirement... requirements) {
    return LabelSelector.of(requirements);
  }

  // --- grammar ---

  @Test
  void equalsWithEmptyValueMeansEmptyString() {
    assertEquals(sel(Requirement.equalTo("x", "")), LabelSelector.parse("x="));
    assertEquals(sel(Requirement.doubleEqualTo("x", "")), LabelSelector.parse("x=="));
    assertEquals(
        sel(Requirement.equalTo("x", ""), Requirement.equalTo("z", "")),
        LabelSelector.parse("x= ,z= "));
  }

  @Test
  void inWithEmptyParenthesesMeansEmptyValue() {
    assertEquals(sel(Requirement.in("x", "")), LabelSelector.parse("x in ()"));
    assertEquals(sel(Requirement.notIn("x", "")), LabelSelector.parse("x notin ( )"));
  }

  @Test
  void trailingOrLeadingCommaInValuesAddsEmptyValue() {
    assertEquals(sel(Requirement.in("x", "abc", "")), LabelSelector.parse("x in (abc,)"));
    assertEquals(sel(Requirement.notIn("x", "", "a")), LabelSelector.parse("x notin (, a)"));
    assertEquals(sel(Requirement.in("x", "a", "", "b")), LabelSelector.parse("x in (a,,b)"));
    assertEquals(sel(Requirement.in("x", "")), LabelSelector.parse("x in (,)"));
  }

  @Test
  void keywordsAreIdentifiersWhereAKeyIsExpected() {
    assertEquals(sel(Requirement.equalTo("notin", "in")), LabelSelector.parse("notin=in"));
    assertEquals(sel(Requirement.exists("in")), LabelSelector.parse("in"));
    assertEquals(sel(Requirement.doesNotExist("notin")), LabelSelector.parse("!notin"));
    assertEquals(sel(Requirement.in("in", "a")), LabelSelector.parse("in in (a)"));
  }

  @Test
  void keywordsAreIdentifiersWhereAValueIsExpected() {
    assertEquals(
        sel(Requirement.in("a", "in", "notin", "x", "y", "z")),
        LabelSelector.parse("a in (x,y,notin, z,in)"));
    assertTrue(LabelSelector.parse("notin=in").matches(Map.of("notin", "in")));
  }

  @Test
  void bareKeyMeansExistsAndBangKeyMeansDoesNotExist() {
    assertEquals(sel(Requirement.exists("x")), LabelSelector.parse("x"));
    assertEquals(sel(Requirement.doesNotExist("x")), LabelSelector.parse("!x"));
    assertEquals(sel(Requirement.exists("a")), LabelSelector.parse("a "));
  }

  @Test
  void whitespaceIncludesTabCarriageReturnAndNewline() {
    assertEquals(sel(Requirement.exists("x")), LabelSelector.parse("\rx"));
    assertEquals(sel(Requirement.in("foo", "abc")), LabelSelector.parse("foo  in\t (abc)"));
    assertEquals(sel(Requirement.notIn("x", "abc")), LabelSelector.parse("x notin\n (abc)"));
    assertEquals(
        sel(Requirement.notIn("x", "abc", "def")), LabelSelector.parse("x  notin\t\t\t(abc,def)"));
  }

  @Test
  void emptyStringParsesAsEverything() {
    assertEquals(LabelSelector.everything(), LabelSelector.parse(""));
    assertEquals(LabelSelector.everything(), LabelSelector.parse(" \t\n"));
    assertTrue(LabelSelector.parse("").isEmpty());
  }

  @Test
  void gtAndLtParse() {
    assertEquals(sel(Requirement.greaterThan("x", 1)), LabelSelector.parse("x>1"));
    assertEquals(sel(Requirement.lessThan("x", 7)), LabelSelector.parse("x<7"));
  }

  @Test
  void gtOperandMustBeAnInteger() {
    assertEquals(
        "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators,"
            + " the value must be an integer",
        parseError("x<a").reason());
    assertTrue(parseError("x>").reason().contains("the value must be an integer"));
    assertTrue(parseError("x>1.5").reason().contains("the value must be an integer"));
    assertTrue(parseError("x>9223372036854775808").reason().contains("must be an integer"));
  }

  @Test
  void gtOperandMustAlsoBeALabelValueSoNegativesAreRejected() {
    SelectorSyntaxException e = parseError("x>-1");
    assertTrue(e.reason().startsWith("unable to parse requirement: values[0][x]: Invalid value:"));
  }

  @Test
  void valuesMustBeLabelValues() {
    assertTrue(
        parseError("x=a||y=b")
            .reason()
            .startsWith(
                "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid label"
                    + " must be an empty string"));
  }

  @Test
  void keyNameLongerThan63IsRejected() {
    String key = "a".repeat(64);
    assertEquals(
        "unable to parse requirement: <nil>: Invalid value: \""
            + key
            + "\": name part must be no more than 63 bytes",
        parseError(key).reason());
    LabelSelector.parse("a".repeat(63));
  }

  @Test
  void keyPrefixMustBeDns1123Subdomain() {
    assertTrue(
        parseError("Example.com/x")
            .reason()
            .contains("prefix part a lowercase RFC 1123 subdomain must consist of"));
    assertTrue(parseError("/x").reason().contains("prefix part must be non-empty"));
    LabelSelector.parse("this-is-a-dns.domain.com/key-with-dash");
  }

  @Test
  void keyPrefixLongerThan253IsRejected() {
    String prefix = ("a".repeat(63) + ".").repeat(4).substring(0, 254);
    assertTrue(
        parseError(prefix + "/x").reason().contains("prefix part must be no more than 253 bytes"));
    LabelSelector.parse(prefix.substring(0, 253) + "/x");
  }

  // --- errors: the cases listed in apimachinery's tests, with Kubernetes' messages ---

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        Arguments.of("x,,y", 2, "found ',', expected: identifier after ','"),
        Arguments.of("a in (xyz),", 11, "found '', expected: identifier after ','"),
        Arguments.of(",x,y", 0, "found ',', expected: !, identifier, or 'end of string'"),
        Arguments.of("(", 0, "found '(', expected: !, identifier, or 'end of string'"),
        Arguments.of("x==a==b", 4, "found '==', expected: ',' or 'end of string'"),
        Arguments.of("!x=a", 2, "found '=', expected: ',' or 'end of string'"),
        Arguments.of("a in (xyz)b notin ()", 10, "found 'b', expected: ',' or 'end of string'"),
        Arguments.of(
            "a in (xyz abc)", 10, "unable to parse requirement: found 'abc', expected: ',' or ')'"),
        Arguments.of(
            "a notin(",
            8,
            "unable to parse requirement: found '', expected: ',', ')' or identifier"),
        Arguments.of(
            "a (",
            2,
            "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"),
        Arguments.of(
            "x nott in (y)",
            2,
            "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"),
        Arguments.of("x in a", 5, "unable to parse requirement: found 'a' expected: '('"),
        Arguments.of(
            "x in (a,=)",
            8,
            "unable to parse requirement: found '=', expected: ',', or identifier"),
        Arguments.of("x=)", 2, "unable to parse requirement: found ')', expected: identifier"),
        Arguments.of("!", 1, "unable to parse requirement: found '', expected: identifier"),
        Arguments.of("x===a", 3, "unable to parse requirement: found '=', expected: identifier"));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void syntaxErrorsCarryKubernetesWordingAndPosition(String input, int position, String reason) {
    SelectorSyntaxException e = parseError(input);
    assertEquals(reason, e.reason());
    assertEquals(position, e.position());
    assertEquals(input, e.selector());
  }

  @Test
  void syntaxErrorLocatesLineAndColumnOneBased() {
    SelectorSyntaxException e = parseError("x=a,\ny,,z");
    assertEquals(7, e.position());
    assertEquals(2, e.problems().get(0).line());
    assertEquals(3, e.problems().get(0).column());
    assertTrue(e.getMessage().startsWith("<input>:2:3: found ','"));
  }

  @Test
  void nulCharacterIsRejectedRatherThanEndingTheInput() {
    assertEquals(1, parseError("x\0y=z").position());
    assertEquals(0, parseError("\0").position());
  }

  @Test
  void syntaxAndRequirementErrorsShareTheSelectorExceptionType() {
    assertThrows(SelectorException.class, () -> LabelSelector.parse("x in"));
    assertThrows(SelectorException.class, () -> Requirement.in("x"));
  }

  // --- TestSetSelectorParser, valid rows ---

  static Stream<Arguments> validSelectors() {
    return Stream.of(
        Arguments.of(
            "this-is-another-dns.domain.com/key-with-dash in (so,what)",
            sel(Requirement.in("this-is-another-dns.domain.com/key-with-dash", "so", "what"))),
        Arguments.of(
            "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
            sel(Requirement.notIn("0.1.2.domain/99", "10.10.100.1", "tick.tack.clock"))),
        Arguments.of(
            "x notin (abc,def),bar,z in (),w",
            sel(
                Requirement.exists("bar"),
                Requirement.exists("w"),
                Requirement.notIn("x", "abc", "def"),
                Requirement.in("z", ""))),
        Arguments.of("x,y in (a)", sel(Requirement.in("y", "a"), Requirement.exists("x"))),
        Arguments.of("x,y", sel(Requirement.exists("x"), Requirement.exists("y"))),
        Arguments.of(
            "x=a,y!=b,z in (h,i,j)",
            sel(
                Requirement.equalTo("x", "a"),
                Requirement.notEqualTo("y", "b"),
                Requirement.in("z", "h", "i", "j"))),
        Arguments.of(
            "x>1,z<5", sel(Requirement.greaterThan("x", 1), Requirement.lessThan("z", 5))));
  }

  @ParameterizedTest
  @MethodSource("validSelectors")
  void parsesAsKubernetesDoes(String input, LabelSelector expected) {
    assertEquals(expected, LabelSelector.parse(input));
  }

  // --- printing (TestToString, TestSelectorParse) ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x=a,y=b,z=c",
        "",
        "x!=a,y=b",
        "x=",
        "x= ",
        "x=,z= ",
        "x= ,z= ",
        "!x",
        "x>1",
        "x>1,z<5",
        "x==a",
        "x=abc,y==jkl,z!=a,z",
        "x>2,y<8,z"
      })
  void parseThenPrintGivesTheInputWithoutSpaces(String canonical) {
    assertEquals(canonical.replace(" ", ""), LabelSelector.parse(canonical).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x in (abc,def),y notin (jkl),z",
        "x notin (abc,def),y!=jkl,!z",
        "x notin (abc),y in (jkl,mno),z notin ()"
      })
  void setBasedRequirementsPrintWithSpacesAroundTheKeyword(String canonical) {
    assertEquals(canonical, LabelSelector.parse(canonical).toString());
  }

  @Test
  void printingSortsRequirementsByKey() {
    assertEquals("a=x,x=a", LabelSelector.parse("x=a,a=x").toString());
    assertEquals(LabelSelector.parse("x=a,a=x"), LabelSelector.parse("a=x,x=a"));
    assertEquals(
        "a,b!=c,z in (a,b)",
        LabelSelector.of(
                Requirement.in("z", "b", "a"),
                Requirement.notEqualTo("b", "c"),
                Requirement.exists("a"))
            .toString());
  }

  @Test
  void printingSortsInValuesAndKeepsInOutsideSpaces() {
    assertEquals("x in (a,b,c)", LabelSelector.parse("x in (c, b,a)").toString());
    assertEquals("x notin (,a)", LabelSelector.parse("x notin (a,)").toString());
  }

  @Test
  void requirementsWithTheSameKeyKeepTheirWrittenOrder() {
    // Kubernetes sorts by key only (sort.Sort(ByKey)); small inputs keep their order.
    assertEquals("z!=a,z", LabelSelector.parse("z!=a,z").toString());
    assertEquals("z,z!=a", LabelSelector.parse("z,z!=a").toString());
  }

  @Test
  void equalsAndDoubleEqualsMatchAlikeButPrintAsWritten() {
    LabelSelector single = LabelSelector.parse("x=a");
    LabelSelector doubled = LabelSelector.parse("x==a");
    assertEquals("x=a", single.toString());
    assertEquals("x==a", doubled.toString());
    assertFalse(single.equals(doubled));
    assertTrue(single.matches(Map.of("x", "a")) && doubled.matches(Map.of("x", "a")));
  }

  // --- matching (TestSelectorMatches, TestRequirementSelectorMatching) ---

  static Stream<Arguments> matchTable() {
    Map<String, String> fooBar = Map.of("foo", "bar", "baz", "blah");
    return Stream.of(
        Arguments.of("", Map.of("x", "y"), true),
        Arguments.of("x=y", Map.of("x", "y"), true),
        Arguments.of("x=y,z=w", Map.of("x", "y", "z", "w"), true),
        Arguments.of("x!=y,z!=w", Map.of("x", "z", "z", "a"), true),
        Arguments.of("notin=in", Map.of("notin", "in"), true),
        Arguments.of("x", Map.of("x", "z"), true),
        Arguments.of("!x", Map.of("y", "z"), true),
        Arguments.of("x>1", Map.of("x", "2"), true),
        Arguments.of("x<1", Map.of("x", "0"), true),
        Arguments.of("x=z", Map.of(), false),
        Arguments.of("x=y", Map.of("x", "z"), false),
        Arguments.of("x=y,z=w", Map.of("x", "w", "z", "w"), false),
        Arguments.of("x!=y,z!=w", Map.of("x", "z", "z", "w"), false),
        Arguments.of("x", Map.of("y", "z"), false),
        Arguments.of("!x", Map.of("x", "z"), false),
        Arguments.of("x>1", Map.of("x", "0"), false),
        Arguments.of("x<1", Map.of("x", "2"), false),
        Arguments.of("foo=bar,baz=blah", fooBar, true),
        Arguments.of("foo=blah", fooBar, false),
        Arguments.of("foo=bar,foobar=bar,baz=blah", fooBar, false),
        Arguments.of("x in (foo),y notin (alpha)", Map.of("x", "foo", "y", "baz"), true),
        Arguments.of("x in (foo),y in (alpha)", Map.of("x", "foo", "y", "baz"), false),
        Arguments.of("x notin (),y", Map.of("y", ""), true),
        Arguments.of("!x,y", Map.of("y", ""), true),
        Arguments.of("x notin (),!y", Map.of("y", ""), false),
        Arguments.of("x in ()", Map.of("y", "baz"), false),
        Arguments.of("x in ()", Map.of("x", ""), true),
        Arguments.of("z>1", Map.of("z", "2"), true),
        Arguments.of("z>1", Map.of("z", "v2"), false));
  }

  @ParameterizedTest
  @MethodSource("matchTable")
  void matchesAsKubernetesDoes(String selector, Map<String, String> labels, boolean expected) {
    assertEquals(expected, LabelSelector.parse(selector).matches(labels));
  }

  @Test
  void nilSelectorMatchesNothingEmptyMatchesEverything() {
    Map<String, String> labels = Map.of("x", "y");
    assertTrue(LabelSelector.everything().matches(labels));
    assertTrue(LabelSelector.everything().matches(Map.of()));
    assertTrue(LabelSelector.everything().isEmpty());
    assertFalse(LabelSelector.nothing().matches(labels));
    assertFalse(LabelSelector.nothing().matches(Map.of()));
    assertFalse(LabelSelector.nothing().isEmpty());
    assertEquals("", LabelSelector.nothing().toString());
    assertFalse(LabelSelector.nothing().equals(LabelSelector.everything()));
    assertEquals(LabelSelector.everything(), LabelSelector.of(List.of()));
  }

  @Test
  void equalityAndHashCodeFollowRequirements() {
    LabelSelector a = LabelSelector.parse("b in (y,x), a");
    LabelSelector b = LabelSelector.of(Requirement.exists("a"), Requirement.in("b", "x", "y"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(List.of(Requirement.exists("a"), Requirement.in("b", "x", "y")), a.requirements());
  }
}
