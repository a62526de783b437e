package dev.flotilla.placement;

import dev.flotilla.api.Taint;
import dev.flotilla.api.placement.Toleration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a cluster's taints do to a placement at a given time. A taint takes effect at its {@code
 * timeAdded} (at once without one); it is tolerated while any matching toleration holds, and then
 * stays tolerated until the last of them expires. Those instants are when the decision's inputs
 * next change.
 */
final class Tolerations {
  enum Effect {
    ELIGIBLE,
    PENALISED,
    EXCLUDED
  }

  /**
   * @param effect what the untolerated taints do
   * @param reason the first untolerated taint that decided, or empty
   * @param nextExpiry the earliest instant after now when a tolerated taint stops being tolerated,
   *     or null
   */
  record Verdict(Effect effect, String reason, Instant nextExpiry) {}

  private static final Verdict CLEAN = new Verdict(Effect.ELIGIBLE, "", null);

  private Tolerations() {}

  static Verdict judge(
      List<Taint> taints, List<Toleration> tolerations, Instant now, boolean pickedBefore) {
    if (taints.isEmpty()) {
      return CLEAN;
    }
    Effect effect = Effect.ELIGIBLE;
    String reason = "";
    Instant next = null;
    for (Taint taint : taints) {
      Optional<Instant> added = taint.timeAdded();
      if (added.isPresent() && now.isBefore(added.get())) {
        // Not in effect yet: the decision changes by itself when it is.
        next = next == null || added.get().isBefore(next) ? added.get() : next;
        continue;
      }
      boolean tolerated = false;
      boolean forever = false;
      Instant until = null;
      Instant ranOut = null; // the latest expiry of a matching toleration that no longer holds
      for (Toleration toleration : tolerations) {
        if (!toleration.tolerates(taint, now)) {
          if (toleration.matches(taint)) {
            Instant expired = toleration.expiry(taint).orElseThrow(); // matches, yet not now
            ranOut = ranOut == null || expired.isAfter(ranOut) ? expired : ranOut;
          }
          continue;
        }
        tolerated = true;
        Optional<Instant> expiry = toleration.expiry(taint);
        if (expiry.isEmpty()) {
          forever = true;
        } else if (until == null || expiry.get().isAfter(until)) {
          until = expiry.get();
        }
      }
      if (tolerated) {
        if (!forever && (next == null || until.isBefore(next))) {
          next = until;
        }
        continue;
      }
      Effect own =
          switch (taint.effect()) {
            case NoSelect -> Effect.EXCLUDED;
            case NoSelectIfNew -> pickedBefore ? Effect.ELIGIBLE : Effect.EXCLUDED;
            case PreferNoSelect -> Effect.PENALISED;
          };
      if (own.ordinal() > effect.ordinal()) {
        effect = own;
        // Say so when a toleration ran out: "not tolerated" alone reads as a missing toleration.
        reason =
            "taint "
                + describe(taint)
                + (ranOut == null ? " not tolerated" : " no longer tolerated since " + ranOut);
      }
    }
    return new Verdict(effect, reason, next);
  }

  static String describe(Taint taint) {
    return taint.key()
        + (taint.value().isEmpty() ? "" : "=" + taint.value())
        + ":"
        + taint.effect();
  }
}
