package dev.flotilla.cli;

/** Bad input that is not a file problem (a selector on the command line, say): exit status 1. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
