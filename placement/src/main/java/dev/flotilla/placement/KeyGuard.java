package dev.flotilla.placement;

import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies.ClusterMap;
import dev.flotilla.expr.internal.KeyConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link KeyConstraint} of a term's CEL expression, resolved against the index so the AND of a
 * term skips the clusters on which the expression would be false without error. With {@code
 * cluster.labels['tier'] == 'gold'}, only clusters labelled gold (true) and clusters without the
 * label (where CEL reports "no such key") are left for CEL to evaluate, so the term's results and
 * its errors are exactly those of evaluating CEL on every candidate.
 */
record KeyGuard(KeyConstraint constraint) {

  /** The guards of all the expressions of a term. */
  static KeyGuard[] of(CompiledExpression[] expressions) {
    List<KeyGuard> out = new ArrayList<>();
    for (CompiledExpression expression : expressions) {
      for (KeyConstraint constraint : expression.keyConstraints()) {
        out.add(new KeyGuard(constraint));
      }
    }
    return out.toArray(new KeyGuard[0]);
  }

  /**
   * Whether the expression reads the key's value (so an absent key is an error, decided by CEL),
   * rather than only testing its presence.
   */
  boolean readsValue() {
    return switch (constraint.kind()) {
      case VALUE_IN_OR_ABSENT, VALUE_NOT_IN -> true;
      case PRESENT, ABSENT -> false;
    };
  }

  /** The clusters that have the key, or null when none has. */
  Posting present(Inventory inventory) {
    ValueColumn column = column(inventory);
    return column == null ? null : column.present();
  }

  private ValueColumn column(Inventory inventory) {
    String key = constraint.key();
    return constraint.map() == ClusterMap.LABELS
        ? inventory.labelColumn(key)
        : inventory.propertyColumn(key);
  }

  Operand resolve(Inventory inventory) {
    int capacity = inventory.capacity();
    ValueColumn column = column(inventory);
    if (column == null) {
      // No cluster has the key: absent everywhere.
      return switch (constraint.kind()) {
        case PRESENT -> Operand.of(List.of(), false, capacity);
        default -> Operand.of(List.of(), true, capacity);
      };
    }
    return switch (constraint.kind()) {
      // has the key and a value outside the set: excluded
      case VALUE_IN_OR_ABSENT ->
          // Where every cluster has the key (postings hold live clusters only), "absent" is empty
          // and the guard is a plain In: positive, so it is ANDed early and may drive the loop.
          column.present().count() == inventory.size()
              ? Operand.of(postings(column), false, capacity)
              : new Operand(List.of(column.present()), postings(column), true, capacity);
      case VALUE_NOT_IN -> Operand.of(postings(column), true, capacity);
      case PRESENT -> Operand.of(List.of(column.present()), false, capacity);
      case ABSENT -> Operand.of(List.of(column.present()), true, capacity);
    };
  }

  private List<Posting> postings(ValueColumn column) {
    List<Posting> out = new ArrayList<>(constraint.values().size());
    for (String value : constraint.values()) {
      Posting posting = column.posting(value);
      if (posting.count() > 0) {
        out.add(posting);
      }
    }
    return out;
  }
}
