package dev.flotilla.expr;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.flotilla.api.internal.LabelRules;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Kubernetes' CEL {@code format} library (k8s.io/apiserver pkg/cel/library, format.go): the named
 * formats {@code format.dns1123Label()} and so on, {@code format.named(name)} and {@code
 * f.validate(s)}, which is {@code optional.none()} for a valid string and otherwise the list of
 * Kubernetes' error messages. Overload ids, the type name {@code kubernetes.NamedFormat} and the
 * messages are Kubernetes'; the rules are those of k8s.io/apimachinery's validation package, Go's
 * {@code url.ParseRequestURI} and k8s.io/kube-openapi's strfmt. {@code validate} and {@code
 * format.named} are charged by the length of their argument before they run.
 */
final class KubernetesFormatLibrary {
  static final OpaqueType FORMAT = OpaqueType.create("kubernetes.NamedFormat");

  private static final String DNS1123_LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_LABEL_MESSAGE =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String DNS1035_LABEL_FORMAT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1035_LABEL_MESSAGE =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";
  private static final int MAX_LABEL_LENGTH = 63;
  private static final Pattern DNS1123_LABEL = Pattern.compile("^" + DNS1123_LABEL_FORMAT + "$");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("^" + DNS1123_LABEL_FORMAT + "(\\." + DNS1123_LABEL_FORMAT + ")*$");
  private static final Pattern DNS1035_LABEL = Pattern.compile("^" + DNS1035_LABEL_FORMAT + "$");

  /** kube-openapi strfmt's UUIDPattern. */
  private static final Pattern UUID =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");

  /** kube-openapi's forked govalidator Base64 pattern. */
  private static final Pattern BASE64 =
      Pattern.compile(
          "^(?:[A-Za-z0-9+\\/]{4})*(?:[A-Za-z0-9+\\/]{2}==|[A-Za-z0-9+\\/]{3}=|[A-Za-z0-9+\\/]{4})$");

  private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

  /** kube-openapi strfmt's DateTimePattern, applied after the date and the "t". */
  private static final Pattern TIME =
      Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");

  /** format.go's ConstantFormats, by the name after {@code format.}. */
  static final Map<String, NamedFormat> FORMATS = formats();

  private KubernetesFormatLibrary() {}

  /** A named format: the value of {@code format.dns1123Label()}; equal when the names are. */
  static final class NamedFormat {
    private final String name;
    private final Function<String, List<String>> validator;

    NamedFormat(String name, Function<String, List<String>> validator) {
      this.name = name;
      this.validator = validator;
    }

    List<String> validate(String value) {
      return validator.apply(value);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NamedFormat that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, NamedFormat> formats() {
    Map<String, NamedFormat> formats = new LinkedHashMap<>();
    formats.put("dns1123Label", new NamedFormat("DNS1123Label", s -> dns1123Label(s, false)));
    formats.put(
        "dns1123Subdomain", new NamedFormat("DNS1123Subdomain", s -> dns1123Subdomain(s, false)));
    formats.put("dns1035Label", new NamedFormat("DNS1035Label", s -> dns1035Label(s, false)));
    formats.put(
        "qualifiedName", new NamedFormat("QualifiedName", KubernetesFormatLibrary::qualifiedName));
    formats.put(
        "dns1123LabelPrefix", new NamedFormat("DNS1123LabelPrefix", s -> dns1123Label(s, true)));
    formats.put(
        "dns1123SubdomainPrefix",
        new NamedFormat("DNS1123SubdomainPrefix", s -> dns1123Subdomain(s, true)));
    formats.put(
        "dns1035LabelPrefix", new NamedFormat("DNS1035LabelPrefix", s -> dns1035Label(s, true)));
    formats.put("labelValue", new NamedFormat("LabelValue", LabelRules::labelValueErrors));
    formats.put("uri", new NamedFormat("URI", KubernetesFormatLibrary::uri));
    formats.put(
        "uuid",
        new NamedFormat(
            "uuid", s -> check(UUID.matcher(s).find(), "does not match the UUID format")));
    formats.put(
        "byte", new NamedFormat("byte", s -> check(BASE64.matcher(s).find(), "invalid base64")));
    formats.put("date", new NamedFormat("date", s -> check(isDate(s), "invalid date")));
    formats.put(
        "datetime", new NamedFormat("datetime", s -> check(isDateTime(s), "invalid datetime")));
    return Map.copyOf(formats);
  }

  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> declarations = new ArrayList<>();
    for (String name : FORMATS.keySet()) {
      declarations.add(
          CelFunctionDecl.newFunctionDeclaration(
              "format." + name, CelOverloadDecl.newGlobalOverload("format." + name, FORMAT)));
    }
    declarations.add(
        CelFunctionDecl.newFunctionDeclaration(
            "validate",
            CelOverloadDecl.newMemberOverload(
                "format-validate",
                OptionalType.create(ListType.create(SimpleType.STRING)),
                FORMAT,
                SimpleType.STRING)));
    declarations.add(
        CelFunctionDecl.newFunctionDeclaration(
            "format.named",
            CelOverloadDecl.newGlobalOverload(
                "format-named", OptionalType.create(FORMAT), SimpleType.STRING)));
    return declarations;
  }

  static List<CelFunctionBinding> bindings() {
    List<CelFunctionBinding> bindings = new ArrayList<>();
    FORMATS.forEach(
        (name, format) ->
            bindings.add(CelFunctionBinding.from("format." + name, List.of(), args -> format)));
    bindings.add(
        CelFunctionBinding.from(
            "format-validate",
            NamedFormat.class,
            String.class,
            (format, s) -> {
              CostMeter.charge(s.length() / CostMeter.CHARS_PER_UNIT);
              List<String> errors = format.validate(s);
              return errors.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(errors));
            }));
    bindings.add(
        CelFunctionBinding.from(
            "format-named",
            String.class,
            s -> {
              CostMeter.charge(s.length() / CostMeter.CHARS_PER_UNIT);
              return Optional.ofNullable(FORMATS.get(s));
            }));
    return bindings;
  }

  private static List<String> check(boolean valid, String message) {
    return valid ? List.of() : List.of(message);
  }

  /**
   * apimachinery's maskTrailingDash, quirk included: a trailing dash and the character before it
   * become "a", since a generated suffix will follow.
   */
  private static String maskTrailingDash(String name) {
    if (name.length() > 1 && name.endsWith("-")) {
      return name.substring(0, name.length() - 2) + "a";
    }
    return name;
  }

  private static List<String> dns1123Label(String value, boolean prefix) {
    String name = prefix ? maskTrailingDash(value) : value;
    List<String> errors = new ArrayList<>(2);
    if (utf8Length(name) > MAX_LABEL_LENGTH) {
      errors.add(maxLength(MAX_LABEL_LENGTH));
    }
    if (!DNS1123_LABEL.matcher(name).find()) {
      if (DNS1123_SUBDOMAIN.matcher(name).find()) {
        errors.add("must not contain dots");
      } else {
        errors.add(regexError(DNS1123_LABEL_MESSAGE, DNS1123_LABEL_FORMAT, "my-name", "123-abc"));
      }
    }
    return errors;
  }

  private static List<String> dns1123Subdomain(String value, boolean prefix) {
    return LabelRules.dns1123SubdomainErrors(prefix ? maskTrailingDash(value) : value);
  }

  private static List<String> dns1035Label(String value, boolean prefix) {
    String name = prefix ? maskTrailingDash(value) : value;
    List<String> errors = new ArrayList<>(2);
    if (utf8Length(name) > MAX_LABEL_LENGTH) {
      errors.add(maxLength(MAX_LABEL_LENGTH));
    }
    if (!DNS1035_LABEL.matcher(name).find()) {
      errors.add(regexError(DNS1035_LABEL_MESSAGE, DNS1035_LABEL_FORMAT, "my-name", "abc-123"));
    }
    return errors;
  }

  /**
   * apimachinery's IsQualifiedName: the label key rules of {@link LabelRules}, whose message for a
   * key with several slashes names a "label key" where IsQualifiedName names a "qualified name".
   */
  private static List<String> qualifiedName(String value) {
    List<String> errors = new ArrayList<>();
    for (String error : LabelRules.qualifiedNameErrors(value)) {
      errors.add(
          error.startsWith("a valid label key ")
              ? "a qualified name " + error.substring("a valid label key ".length())
              : error);
    }
    return errors;
  }

  private static List<String> uri(String value) {
    String problem = KubernetesUrl.requestUriProblem(value);
    return problem == null ? List.of() : List.of(problem);
  }

  /** Go's {@code time.Parse("2006-01-02", s)}: four-digit year, real month and day. */
  static boolean isDate(String s) {
    if (!DATE.matcher(s).find()) {
      return false;
    }
    int year = Integer.parseInt(s.substring(0, 4));
    int month = Integer.parseInt(s.substring(5, 7));
    int day = Integer.parseInt(s.substring(8, 10));
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= YearMonth.of(year, month).lengthOfMonth();
  }

  /**
   * kube-openapi strfmt's IsDateTime, quirks included: lower-cased, split at every "t", the first
   * part a date and the second a time.
   */
  static boolean isDateTime(String s) {
    if (s.length() < 4) {
      return false;
    }
    String[] parts = s.toLowerCase(Locale.ROOT).split("t", -1);
    if (parts.length < 2 || !isDate(parts[0])) {
      return false;
    }
    Matcher m = TIME.matcher(parts[1]);
    if (!m.find()) {
      return false;
    }
    return m.group(1).compareTo("23") <= 0
        && m.group(2).compareTo("59") <= 0
        && m.group(3).compareTo("59") <= 0;
  }

  private static String maxLength(int limit) {
    return "must be no more than " + limit + " bytes";
  }

  private static String regexError(String message, String format, String... examples) {
    StringBuilder out = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        out.append(" or ");
      }
      out.append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(format).append("')").toString();
  }

  /** The length in UTF-8 bytes, as Go's {@code len}. */
  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
