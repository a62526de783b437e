package dev.flotilla.api.io;

/**
 * The bounds every reader keeps, whatever the input: they make the work and the memory a hostile
 * file can cost proportional to what it holds, and refuse the rest with a located error.
 */
final class Limits {
  /** The system property that overrides {@link #maxBytes()}. */
  static final String PROPERTY = "flotilla.io.maxBytes";

  /** The default byte limit: 2 GiB, enough for a million-cluster inventory in YAML. */
  static final long DEFAULT_MAX_BYTES = Integer.MAX_VALUE;

  /** Deepest nesting of mappings and sequences in a document. */
  static final int MAX_DEPTH = 64;

  /** Most YAML aliases SnakeYAML resolves for collections (Flotilla refuses aliases anyway). */
  static final int MAX_ALIASES = 50;

  /** Longest string value, in characters. */
  static final int MAX_STRING = 64 * 1024 * 1024;

  private Limits() {}

  /**
   * The most bytes one input may hold: {@value #DEFAULT_MAX_BYTES}, or the system property {@value
   * #PROPERTY} when it is a positive number.
   */
  static long maxBytes() {
    String value = System.getProperty(PROPERTY);
    if (value != null) {
      try {
        long parsed = Long.parseLong(value.trim());
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // fall through to the default: a bad setting must not make every file unreadable
      }
    }
    return DEFAULT_MAX_BYTES;
  }
}
