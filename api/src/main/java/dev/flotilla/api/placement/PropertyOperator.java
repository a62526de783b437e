package dev.flotilla.api.placement;

/** How a property selector compares a cluster's property with its value. */
public enum PropertyOperator {
  Eq,
  Ne,
  Gt,
  Ge,
  Lt,
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
