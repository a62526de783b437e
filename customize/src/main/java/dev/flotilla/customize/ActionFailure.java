package dev.flotilla.customize;

/**
 * A rule's action could not apply to one manifest: a missing path, a failed {@code test}, a
 * template that failed. Carries where in the manifest it happened; the engine adds the cluster,
 * manifest, customization and rule.
 */
final class ActionFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where in the manifest (a JSON Pointer or JSONPath), or "" when the whole manifest. */
  final String target;

  ActionFailure(String target, String message) {
    super(message, null, false, false); // control flow for bad data: no stack trace needed
    this.target = target;
  }
}
