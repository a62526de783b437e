package dev.flotilla.expr;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' CEL {@code regex} library (k8s.io/apiserver pkg/cel/library, regex.go): {@code
 * <string>.find(<string>)} and {@code <string>.findAll(<string>[, <int>])}, with Kubernetes'
 * overload ids and Go's {@code FindString}/{@code FindAllString} semantics (an empty match right
 * after a match is skipped; a negative limit means no limit, zero gives no matches). Patterns go
 * through {@link RegexGuard}; each call charges input length times program size first, as {@code
 * matches} does.
 */
final class KubernetesRegexLibrary {
  private KubernetesRegexLibrary() {}

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "find",
            CelOverloadDecl.newMemberOverload(
                "string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "findAll",
            CelOverloadDecl.newMemberOverload(
                "string_find_all_string",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING),
            CelOverloadDecl.newMemberOverload(
                "string_find_all_string_int",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)));
  }

  static List<CelFunctionBinding> bindings(int maxProgram) {
    return List.of(
        CelFunctionBinding.from(
            "string_find_string",
            String.class,
            String.class,
            (input, regex) -> find(input, regex, maxProgram)),
        CelFunctionBinding.from(
            "string_find_all_string",
            String.class,
            String.class,
            (input, regex) -> findAll(input, regex, -1, maxProgram)),
        CelFunctionBinding.from(
            "string_find_all_string_int",
            List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2], maxProgram)));
  }

  private static String find(String input, String regex, int maxProgram) {
    Pattern pattern = RegexGuard.compile(regex, maxProgram);
    CostMeter.charge(MeteredFunctions.regexCost(input, pattern));
    Matcher matcher = pattern.matcher(input);
    return matcher.find() ? matcher.group() : "";
  }

  /** Go's {@code Regexp.FindAllString(input, limit)}. */
  static List<String> findAll(String input, String regex, long limit, int maxProgram) {
    Pattern pattern = RegexGuard.compile(regex, maxProgram);
    CostMeter.charge(MeteredFunctions.regexCost(input, pattern));
    List<String> matches = new ArrayList<>();
    Matcher matcher = pattern.matcher(input);
    int position = 0;
    int previousEnd = -1;
    while ((limit < 0 || matches.size() < limit)
        && position <= input.length()
        && matcher.find(position)) {
      int start = matcher.start();
      int end = matcher.end();
      boolean empty = start == end;
      if (!(empty && start == previousEnd)) {
        matches.add(matcher.group());
        previousEnd = end;
      }
      position = empty ? next(input, end) : end;
    }
    return matches;
  }

  private static int next(String input, int index) {
    return index < input.length()
        ? index + Character.charCount(input.codePointAt(index))
        : index + 1;
  }
}
