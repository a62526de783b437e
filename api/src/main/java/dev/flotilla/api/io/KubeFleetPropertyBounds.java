package dev.flotilla.api.io;

import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.api.quantity.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consistency check KubeFleet's webhook makes on the requirements of one property selector
 * (kubefleet pkg/utils/validator/placement.go {@code validateRequirementsConsistency}): per
 * property name, two different {@code Eq} values, {@code Eq} and {@code Ne} on the same value,
 * bounds that exclude every value, or an {@code Eq} outside the bounds are rejected, so a placement
 * holding them never reaches the scheduler. Refused here the same way.
 */
final class KubeFleetPropertyBounds {
  private Quantity lower;
  private boolean lowerStrict;
  private Quantity upper;
  private boolean upperStrict;
  private Quantity eq;
  private final List<Quantity> ne = new ArrayList<>();

  private KubeFleetPropertyBounds() {}

  static void check(ObjectView selector, List<PropertyRequirement> requirements) {
    Map<String, List<PropertyRequirement>> byName = new LinkedHashMap<>();
    for (PropertyRequirement r : requirements) {
      byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r);
    }
    byName.forEach(
        (name, reqs) -> {
          if (reqs.size() < 2) {
            return;
          }
          String error = new KubeFleetPropertyBounds().collect(reqs);
          if (error != null) {
            selector
                .binder()
                .report(
                    selector.node().location(),
                    selector.child("matchExpressions"),
                    "Invalid value: inconsistent requirements on property "
                        + name
                        + ": "
                        + error
                        + " (KubeFleet's webhook rejects them)");
          }
        });
  }

  private String collect(List<PropertyRequirement> reqs) {
    for (PropertyRequirement r : reqs) {
      Quantity q = Quantity.parse(r.value().text());
      switch (r.operator()) {
        case Eq -> {
          if (eq != null && eq.compareTo(q) != 0) {
            return "conflicting Eq values " + eq + " and " + q;
          }
          eq = q;
        }
        case Ne -> ne.add(q);
        case Gt -> lower(q, true);
        case Ge -> lower(q, false);
        case Lt -> upper(q, true);
        default -> upper(q, false);
      }
    }
    if (eq != null) {
      for (Quantity n : ne) {
        if (eq.compareTo(n) == 0) {
          return "conflicting Eq and Ne on same value " + eq;
        }
      }
    }
    if (lower != null && upper != null) {
      int c = lower.compareTo(upper);
      if (c > 0 || (c == 0 && (lowerStrict || upperStrict))) {
        return "lower bound (" + lower + ") and upper bound (" + upper + ") exclude all values";
      }
    }
    if (eq != null && lower != null) {
      int c = eq.compareTo(lower);
      if (c < 0 || (c == 0 && lowerStrict)) {
        return "eq value " + eq + " violates lower bound " + lower;
      }
    }
    if (eq != null && upper != null) {
      int c = eq.compareTo(upper);
      if (c > 0 || (c == 0 && upperStrict)) {
        return "eq value " + eq + " violates upper bound " + upper;
      }
    }
    return null;
  }

  private void lower(Quantity q, boolean strict) {
    int c = lower == null ? 1 : q.compareTo(lower);
    if (lower == null || c > 0 || (c == 0 && strict && !lowerStrict)) {
      lower = q;
      lowerStrict = strict;
    }
  }

  private void upper(Quantity q, boolean strict) {
    int c = upper == null ? -1 : q.compareTo(upper);
    if (upper == null || c < 0 || (c == 0 && strict && !upperStrict)) {
      upper = q;
      upperStrict = strict;
    }
  }
}
