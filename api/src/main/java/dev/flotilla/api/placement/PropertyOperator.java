package dev.flotilla.api.placement;

/** How a property selector compares a cluster's property with its value. */
public enum PropertyOperator {
  /** Equal: the same quantity, version or string. */
  Eq,
  /** Not equal. */
  Ne,
  /** Greater than: needs a quantity or a version. */
  Gt,
  /** Greater than or equal. */
  Ge,
  /** Less than. */
  Lt,
  /** Less than or equal. */
  Le;

  /** Whether {@code comparison} (cluster value compared with the requirement's) satisfies this. */
  boolean accepts(int comparison) {
    return switch (this) {
      case Eq -> comparison == 0;
      case Ne -> comparison != 0;
      case Gt -> comparison > 0;
      case Ge -> comparison >= 0;
      case Lt -> comparison < 0;
      case Le -> comparison <= 0;
    };
  }

  /** True for the ordering operators, which need a quantity or a version. */
  public boolean isOrdering() {
    return this != Eq && this != Ne;
  }
}
