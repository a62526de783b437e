package dev.flotilla.api.labels;

/**
 * The operators of a label requirement, as in Kubernetes' {@code selection.Operator}. {@link
 * #EQUALS} ({@code =}) and {@link #DOUBLE_EQUALS} ({@code ==}) match alike but stay distinct, as in
 * Kubernetes, so that a parsed selector prints back as written.
 */
public enum Operator {
  /** {@code key in (a,b)}: the key is present and its value is one of the values. */
  IN("in"),
  /** {@code key notin (a,b)}: the key is absent, or its value is none of the values. */
  NOT_IN("notin"),
  /** {@code key=a}: the key is present with value {@code a}. */
  EQUALS("="),
  /** {@code key==a}: the same as {@link #EQUALS}, written differently. */
  DOUBLE_EQUALS("=="),
  /** {@code key!=a}: the key is absent, or its value is not {@code a}. */
  NOT_EQUALS("!="),
  /** {@code key}: the key is present, whatever its value. */
  EXISTS("exists"),
  /** {@code !key}: the key is absent. */
  DOES_NOT_EXIST("!"),
  /** {@code key>1}: the key's value, read as an int64, is greater than the operand. */
  GREATER_THAN("gt"),
  /** {@code key<1}: the key's value, read as an int64, is less than the operand. */
  LESS_THAN("lt");

  private final String kubernetesName;

  Operator(String kubernetesName) {
    this.kubernetesName = kubernetesName;
  }

  /** The operator's string value in Kubernetes' {@code selection} package ({@code "notin"}). */
  public String kubernetesName() {
    return kubernetesName;
  }
}
