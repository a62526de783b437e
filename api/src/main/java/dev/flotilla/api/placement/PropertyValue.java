package dev.flotilla.api.placement;

import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a property requirement, typed once when the policy is read: a Kubernetes quantity if
 * the text parses as one, else a semantic version (a leading {@code v} and missing minor or patch
 * accepted, as Kubernetes' {@code semver(s, true)}), else plain text. A cluster's property is read
 * as the same kind when compared.
 */
public sealed interface PropertyValue {

  /** Reads {@code text} as a quantity, else a version, else text. */
  static PropertyValue parse(String text) {
    Optional<Quantity> quantity = Quantity.tryParse(text);
    if (quantity.isPresent()) {
      return new QuantityValue(quantity.get());
    }
    Optional<Version> version = Version.tryParseNormalized(text);
    if (version.isPresent()) {
      return new VersionValue(version.get());
    }
    return new TextValue(text);
  }

  /**
   * The cluster's value compared with this one (negative, zero, positive), or empty when the
   * cluster's text is not of this kind: such a property never matches.
   */
  Optional<Integer> compareFrom(String clusterValue);

  /** True for values that order (quantities and versions). */
  boolean isOrdered();

  /** The value as written in canonical form. */
  String text();

  /** A quantity such as {@code 16}, {@code 500m}, {@code 64Gi}. */
  record QuantityValue(Quantity quantity) implements PropertyValue {
    public QuantityValue {
      Objects.requireNonNull(quantity, "quantity");
    }

    @Override
    public Optional<Integer> compareFrom(String clusterValue) {
      return Quantity.tryParse(clusterValue).map(q -> Integer.signum(q.compareTo(quantity)));
    }

    @Override
    public boolean isOrdered() {
      return true;
    }

    @Override
    public String text() {
      return quantity.toString();
    }
  }

  /** A semantic version such as {@code 1.31.2}. */
  record VersionValue(Version version) implements PropertyValue {
    public VersionValue {
      Objects.requireNonNull(version, "version");
    }

    @Override
    public Optional<Integer> compareFrom(String clusterValue) {
      return Version.tryParseNormalized(clusterValue)
          .map(v -> Integer.signum(v.compareTo(version)));
    }

    @Override
    public boolean isOrdered() {
      return true;
    }

    @Override
    public String text() {
      return version.toString();
    }
  }

  /** Plain text, compared for equality only. */
  record TextValue(String text) implements PropertyValue {
    public TextValue {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public Optional<Integer> compareFrom(String clusterValue) {
      return Optional.of(clusterValue.equals(text) ? 0 : 1);
    }

    @Override
    public boolean isOrdered() {
      return false;
    }
  }
}
