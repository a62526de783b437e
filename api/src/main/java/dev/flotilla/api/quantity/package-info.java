/**
 * Typed property values as Kubernetes reads them: {@link dev.flotilla.api.quantity.Quantity}
 * (resource quantities such as {@code 64Gi}, as {@code k8s.io/apimachinery/pkg/api/resource}) and
 * {@link dev.flotilla.api.quantity.Version} (semantic versions, as Kubernetes' CEL {@code
 * semver()}).
 *
 * <p>Where Flotilla differs from Kubernetes, on purpose:
 *
 * <ul>
 *   <li>{@link dev.flotilla.api.quantity.Quantity#toString()} always prints the canonical form.
 *       Kubernetes' {@code String()} returns a parsed string verbatim when its fast path deems it
 *       canonical, so {@code +1}, {@code 01}, {@code 1E3} or {@code 5.} print as written there and
 *       as {@code 1}, {@code 1}, {@code 1e3}, {@code 5} here.
 *   <li>{@link dev.flotilla.api.quantity.Quantity#asLong()} depends on the value only. Kubernetes'
 *       {@code AsInt64} also answers false for some whole values held in its big-decimal form (such
 *       as {@code 1.5Gi}).
 *   <li>A {@code BINARY_SI} value of 1024<sup>7</sup> or more (reachable only by arithmetic) prints
 *       with {@code Ei} and a larger number; Kubernetes drops the suffix there and prints a wrong
 *       value.
 * </ul>
 */
package dev.flotilla.api.quantity;
