package dev.flotilla.placement;

import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.api.placement.PropertyValue;
import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An indexable part of a selector term, evaluated two ways that must agree: on one cluster ({@link
 * #test}) and over an inventory's index ({@link #resolve}).
 */
sealed interface Condition permits Condition.Label, Condition.Property {

  boolean test(ClusterFacts cluster);

  Operand resolve(Inventory inventory);

  /** The label key or property name read, for routing cluster updates. */
  String key();

  /** A label requirement with Kubernetes' semantics. */
  record Label(Requirement requirement, Set<String> values, long bound) implements Condition {

    static Label of(Requirement requirement) {
      long bound =
          switch (requirement.operator()) {
            case GREATER_THAN, LESS_THAN -> Long.parseLong(requirement.values().get(0));
            default -> 0;
          };
      return new Label(requirement, Set.copyOf(requirement.values()), bound);
    }

    @Override
    public String key() {
      return requirement.key();
    }

    /** In, = or ==: true only on clusters whose value is one of {@link #values}. */
    boolean isPositiveValueTest() {
      return switch (requirement.operator()) {
        case IN, EQUALS, DOUBLE_EQUALS -> true;
        default -> false;
      };
    }

    @Override
    public boolean test(ClusterFacts cluster) {
      String value = cluster.label(requirement.key());
      return switch (requirement.operator()) {
        case IN, EQUALS, DOUBLE_EQUALS -> value != null && values.contains(value);
        case NOT_IN, NOT_EQUALS -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
        case GREATER_THAN -> value != null && Int64.isInt64(value) && Long.parseLong(value) > bound;
        case LESS_THAN -> value != null && Int64.isInt64(value) && Long.parseLong(value) < bound;
      };
    }

    @Override
    public Operand resolve(Inventory inventory) {
      int capacity = inventory.capacity();
      ValueColumn column = inventory.labelColumn(requirement.key());
      return switch (requirement.operator()) {
        case IN, EQUALS, DOUBLE_EQUALS -> Operand.of(postings(column), false, capacity);
        case NOT_IN, NOT_EQUALS -> Operand.of(postings(column), true, capacity);
        case EXISTS -> Operand.of(present(column), false, capacity);
        case DOES_NOT_EXIST -> Operand.of(present(column), true, capacity);
        case GREATER_THAN -> range(column, true, capacity);
        case LESS_THAN -> range(column, false, capacity);
      };
    }

    private List<Posting> postings(ValueColumn column) {
      List<Posting> out = new ArrayList<>(values.size());
      if (column != null) {
        for (String value : values) {
          Posting posting = column.posting(value);
          if (posting.count() > 0) {
            out.add(posting);
          }
        }
      }
      return out;
    }

    private static List<Posting> present(ValueColumn column) {
      return column == null ? List.of() : List.of(column.present());
    }

    /**
     * The values in range, or, when they are the majority, "has the key and none of the others": a
     * Gt over 48 rack numbers then reads a handful of postings instead of forty.
     */
    private Operand range(ValueColumn column, boolean greater, int capacity) {
      if (column == null) {
        return Operand.of(List.of(), false, capacity);
      }
      int[] inRange = column.numericRange(bound, greater);
      int outside = column.valueCount() - inRange.length;
      if (inRange.length <= outside) {
        List<Posting> postings = new ArrayList<>(inRange.length);
        for (int id : inRange) {
          addIfAny(postings, column.postingOf(id));
        }
        return Operand.of(postings, false, capacity);
      }
      boolean[] selected = new boolean[column.valueCount()];
      for (int id : inRange) {
        selected[id] = true;
      }
      List<Posting> others = new ArrayList<>(outside);
      for (int id = 0; id < selected.length; id++) {
        if (!selected[id]) {
          addIfAny(others, column.postingOf(id));
        }
      }
      return new Operand(List.of(column.present()), others, false, capacity);
    }

    private static void addIfAny(List<Posting> postings, Posting posting) {
      if (posting.count() > 0) {
        postings.add(posting);
      }
    }
  }

  /** A property comparison: missing or unparsable properties never match. */
  record Property(PropertyRequirement requirement) implements Condition {

    @Override
    public String key() {
      return requirement.name();
    }

    @Override
    public boolean test(ClusterFacts cluster) {
      String value = cluster.property(requirement.name());
      return value != null && requirement.matchesValue(value);
    }

    /**
     * Compares each distinct value of the property once, as the quantity or version the column
     * parsed when the value entered it (no parsing here), then unions their postings.
     */
    @Override
    public Operand resolve(Inventory inventory) {
      ValueColumn column = inventory.propertyColumn(requirement.name());
      List<Posting> out = new ArrayList<>();
      if (column != null) {
        for (int id = 0; id < column.valueCount(); id++) {
          Posting posting = column.postingOf(id);
          if (posting.count() > 0 && matches(column, id)) {
            out.add(posting);
          }
        }
      }
      return Operand.of(out, false, inventory.capacity());
    }

    /** {@link PropertyRequirement#matchesValue} on value {@code id}, read as its parsed kind. */
    private boolean matches(ValueColumn column, int id) {
      PropertyValue value = requirement.value();
      int comparison;
      if (value instanceof PropertyValue.QuantityValue quantity) {
        Quantity parsed = column.quantity(id);
        if (parsed == null) {
          return false;
        }
        comparison = parsed.compareTo(quantity.quantity());
      } else if (value instanceof PropertyValue.VersionValue version) {
        Version parsed = column.version(id);
        if (parsed == null) {
          return false;
        }
        comparison = parsed.compareTo(version.version());
      } else {
        comparison = column.value(id).equals(value.text()) ? 0 : 1;
      }
      return accepts(requirement.operator(), Integer.signum(comparison));
    }

    private static boolean accepts(PropertyOperator operator, int comparison) {
      return switch (operator) {
        case Eq -> comparison == 0;
        case Ne -> comparison != 0;
        case Gt -> comparison > 0;
        case Ge -> comparison >= 0;
        case Lt -> comparison < 0;
        case Le -> comparison <= 0;
      };
    }
  }
}
