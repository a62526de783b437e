package dev.flotilla.placement;

import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import java.util.Arrays;
import java.util.Optional;

/**
 * Picks candidates within a spread constraint of {@code maxSkew} s: the domains in play get between
 * m and m+s clusters each, m being the lowest level that still reaches the number wanted (or the
 * most the skew allows): first the best m of every domain, then the best of the rest within each
 * domain's m+s. With a previous decision, m is instead the valid level that keeps the most
 * previously picked clusters, so that spread does not churn.
 *
 * <p>For maintainers. Candidates are bucketed by domain value id (the inventory's dictionary ids,
 * no string hashing): {@code domain[i]} is candidate i's id, -1 when it lacks the topology key, and
 * {@code available[d]} counts the candidates of domain d. Each domain's best are taken through
 * Ranking's bounded heap, so a pick costs O(E log N), never a full sort of the fleet. Levels are
 * found by binary search over {@link #capacity}, which is monotonic in the cap.
 */
final class Spread {
  private final Candidates c;
  private final SpreadConstraint constraint;
  private final int valueCount;
  private final int[] domain;
  private final int[] available;
  private final int missing;

  private Spread(Candidates c, SpreadConstraint constraint) {
    this.c = c;
    this.constraint = constraint;
    ValueColumn column = c.domainColumn(constraint.topologyKey());
    this.valueCount = column == null ? 0 : column.valueCount();
    this.domain = new int[c.size];
    this.available = new int[valueCount];
    int lacking = 0;
    for (int i = 0; i < c.size; i++) {
      int d = column == null ? -1 : column.idAt(c.ordinal[i]);
      domain[i] = d;
      if (d < 0) {
        lacking++;
      } else {
        available[d]++;
      }
    }
    this.missing = lacking;
  }

  /** The level every domain in play reaches, and the number of clusters picked. */
  private record Level(int level, int limit) {}

  /** Up to {@code wanted} candidates of {@code c} within {@code constraint}, in rank order. */
  static Pick pick(Candidates c, SpreadConstraint constraint, int wanted) {
    Spread spread = new Spread(c, constraint);
    int[] domains = spread.domainsInPlay();
    // Caps never exceed a domain's size, so a huge maxSkew means the same as E (and cannot
    // overflow).
    int skew = Math.min(constraint.maxSkew(), Math.max(1, c.size));
    Level level = spread.level(domains, skew, wanted);
    int[] out = spread.fill(domains, level, skew);
    if (constraint.whenUnsatisfiable() == WhenUnsatisfiable.ScheduleAnyway && out.length < wanted) {
      out = spread.topUp(out, wanted);
    }
    c.ranking.sort(out, out.length);
    return new Pick(
        out, Optional.of(new Pick.SpreadBound(level.limit(), domains.length, spread.missing)));
  }

  /** Domains in play, in the order of their best cluster; maxDomains keeps the first ones. */
  private int[] domainsInPlay() {
    int[] best = new int[valueCount];
    Arrays.fill(best, -1);
    for (int i = 0; i < c.size; i++) {
      int d = domain[i];
      if (d >= 0 && (best[d] < 0 || c.ranking.compare(i, best[d]) < 0)) {
        best[d] = i;
      }
    }
    int[] bests = new int[valueCount];
    int present = 0;
    for (int d = 0; d < valueCount; d++) {
      if (available[d] > 0) {
        bests[present++] = best[d];
      }
    }
    int[] orderedBests = c.ranking.top(bests, present, present);
    int inPlay = Math.min(present, constraint.maxDomains().orElse(present));
    int[] domains = new int[inPlay];
    for (int k = 0; k < inPlay; k++) {
      domains[k] = domain[orderedBests[k]];
    }
    return domains;
  }

  private Level level(int[] domains, int skew, int wanted) {
    if (domains.length == 0) {
      return new Level(0, 0);
    }
    if (domains.length < constraint.minDomains().orElse(1)) {
      // Kubernetes: below minDomains the global minimum counts as 0
      return new Level(0, Math.min(wanted, capacity(domains, skew)));
    }
    int fewest = Integer.MAX_VALUE;
    for (int d : domains) {
      fewest = Math.min(fewest, available[d]);
    }
    int limit = Math.min(wanted, capacity(domains, fewest + skew));
    int lo = 0;
    int hi = fewest;
    while (lo < hi) { // lowest level whose caps still reach the limit
      int mid = (lo + hi) >>> 1;
      if (capacity(domains, mid + skew) >= limit) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return new Level(steadiestLevel(domains, lo, fewest, skew, limit), limit);
  }

  /**
   * Every level from {@code lowest} to min(fewest, limit / domains) gives a valid pick of {@code
   * limit} clusters; without a previous decision the lowest (most room for rank) is used. With one,
   * the level that keeps the most previously picked clusters, so that spread does not churn: at
   * level m a domain keeps min(kept, m) in the first phase and the second phase keeps the rest of
   * its kept clusters up to m + skew, as far as the budget left after the first phase allows (kept
   * clusters rank first). Ties go to the lower level. O(picks) over all levels.
   */
  private int steadiestLevel(int[] domains, int lowest, int fewest, int skew, int limit) {
    int[] kept = new int[valueCount];
    boolean any = false;
    for (int i = 0; i < c.size; i++) {
      if (c.kept[i] && domain[i] >= 0) {
        kept[domain[i]]++;
        any = true;
      }
    }
    if (!any) {
      return lowest;
    }
    int highest = Math.min(fewest, limit / domains.length);
    int best = lowest;
    long bestKept = -1;
    for (int m = lowest; m <= highest; m++) {
      long first = 0;
      long second = 0;
      for (int d : domains) {
        int inFirst = Math.min(kept[d], m);
        first += inFirst;
        second += Math.min(kept[d], m + skew) - inFirst;
      }
      long retained = first + Math.min((long) limit - (long) m * domains.length, second);
      if (retained > bestKept) {
        bestKept = retained;
        best = m;
      }
    }
    return best;
  }

  /** Sum over the domains of min(available, cap). */
  private int capacity(int[] domains, int cap) {
    long total = 0;
    for (int d : domains) {
      total += Math.min(available[d], cap);
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  /** The two phases: the best {@code level} of each domain, then the best of the rest in caps. */
  private int[] fill(int[] domains, Level level, int skew) {
    int[] start = new int[valueCount + 1];
    int[] bucketed = bucket(domains, start);
    int[] picked = new int[Math.max(level.limit(), 0)];
    int count = 0;
    int[] pool = new int[bucketed.length];
    int poolSize = 0;
    for (int d : domains) {
      int cap = Math.min(available[d], level.level() + skew);
      int[] members = Arrays.copyOfRange(bucketed, start[d], start[d + 1]);
      int[] top = c.ranking.top(members, members.length, cap);
      for (int k = 0; k < top.length; k++) {
        if (k < level.level()) {
          picked[count++] = top[k];
        } else {
          pool[poolSize++] = top[k];
        }
      }
    }
    int[] rest = c.ranking.top(pool, poolSize, level.limit() - count);
    System.arraycopy(rest, 0, picked, count, rest.length);
    return Arrays.copyOf(picked, count + rest.length);
  }

  /**
   * The candidates of the domains in play, grouped by domain (a counting sort): domain d's are
   * {@code bucketed[start[d]..start[d+1])}.
   */
  private int[] bucket(int[] domains, int[] start) {
    boolean[] playing = new boolean[valueCount];
    for (int d : domains) {
      playing[d] = true;
    }
    for (int i = 0; i < c.size; i++) {
      if (domain[i] >= 0 && playing[domain[i]]) {
        start[domain[i] + 1]++;
      }
    }
    for (int d = 0; d < valueCount; d++) {
      start[d + 1] += start[d];
    }
    int[] bucketed = new int[start[valueCount]];
    int[] fill = Arrays.copyOf(start, valueCount);
    for (int i = 0; i < c.size; i++) {
      if (domain[i] >= 0 && playing[domain[i]]) {
        bucketed[fill[domain[i]]++] = i;
      }
    }
    return bucketed;
  }

  /** ScheduleAnyway: the spread pick, then the best of the others up to {@code wanted}. */
  private int[] topUp(int[] picked, int wanted) {
    int count = picked.length;
    boolean[] taken = new boolean[c.size];
    for (int i : picked) {
      taken[i] = true;
    }
    int[] others = new int[c.size - count];
    int k = 0;
    for (int i = 0; i < c.size; i++) {
      if (!taken[i]) {
        others[k++] = i;
      }
    }
    int[] extra = c.ranking.top(others, k, wanted - count);
    int[] out = Arrays.copyOf(picked, count + extra.length);
    System.arraycopy(extra, 0, out, count, extra.length);
    return out;
  }
}
