package dev.flotilla.api.io;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Quotes every string that some YAML reader would read as another type, so that what Flotilla
 * writes reads back as the same strings in PyYAML and Go's yaml.v2 (YAML 1.1) as in YAML 1.2
 * readers.
 *
 * <p>Jackson's default quotes YAML 1.2's booleans, nulls and numbers; YAML 1.1 also reads
 * sexagesimal numbers ({@code 12:30}), timestamps ({@code 2026-01-01}), {@code =}, {@code
 * yes/no/on/off} and, in yaml.v2, {@code y/n} in any case, {@code 0x1F}, {@code 0o17}, {@code
 * 1_000}, {@code .inf}. SnakeYAML's resolver is YAML 1.1's; the words it does not know in every
 * case are added here.
 */
final class YamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private static final Resolver YAML_11 = new Resolver();
  private static final Set<String> WORDS =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<");

  /**
   * Numbers yaml.v2 reads with Go's strconv (octal {@code 0o17}, hex floats, {@code +Infinity},
   * underscores, a trailing dot) beyond SnakeYAML's YAML 1.1 patterns.
   */
  private static final Pattern NUMBER_LIKE =
      Pattern.compile(
          "[-+]?(0o[0-7_]+|0x[0-9a-f_]*(\\.[0-9a-f_]*)?(p[-+]?[0-9]+)?|\\.?(inf|infinity|nan)"
              + "|[0-9][0-9_]*(\\.[0-9_]*)?(e[-+]?[0-9_]+)?|\\.[0-9][0-9_]*(e[-+]?[0-9]+)?)",
          Pattern.CASE_INSENSITIVE);

  static final YamlQuoting INSTANCE = new YamlQuoting();

  private YamlQuoting() {}

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || readsAsAnotherType(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || readsAsAnotherType(value);
  }

  /** True when a YAML 1.1 or 1.2 reader would not read {@code text}, written plain, as a string. */
  static boolean readsAsAnotherType(String text) {
    if (text.isEmpty()) {
      return true;
    }
    if (WORDS.contains(text.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (NUMBER_LIKE.matcher(text).matches()) {
      return true;
    }
    synchronized (YAML_11) {
      return !Tag.STR.equals(YAML_11.resolve(NodeId.scalar, text, true));
    }
  }
}
