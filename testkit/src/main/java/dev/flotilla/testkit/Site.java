package dev.flotilla.testkit;

import dev.flotilla.testkit.FleetGenerator.Region;
import dev.flotilla.testkit.FleetGenerator.WeightedValue;

/**
 * A site of the generated fleet (a store, an antenna, a plant, a car depot) and what its clusters
 * share.
 *
 * <p>Layout: ordinals are cut into blocks of {@value #BLOCK} and each block into {@value
 * #SITES_PER_BLOCK} contiguous sites at 7 random cut points, so sites hold 1 to about 30 clusters
 * (5 on average), a cluster's site is found from its ordinal alone (no pass over the fleet) and a
 * smaller fleet is a prefix of a larger one.
 */
record Site(
    int id,
    String label,
    String kind,
    Region region,
    String zone,
    String customer,
    String costCenter,
    String network,
    String storeSize,
    String city) {

  static final int BLOCK = 40;
  static final int SITES_PER_BLOCK = 8;

  private static final WeightedPick REGION_PICK =
      WeightedPick.of(FleetGenerator.REGIONS, Region::weight);
  private static final WeightedPick KIND_PICK =
      WeightedPick.of(FleetGenerator.SITE_KINDS, WeightedValue::weight);
  private static final WeightedPick CUSTOMER_PICK =
      WeightedPick.of(FleetGenerator.CUSTOMERS, WeightedValue::weight);
  private static final WeightedPick NETWORK_PICK =
      WeightedPick.of(FleetGenerator.NETWORKS, WeightedValue::weight);
  private static final WeightedPick STORE_SIZE_PICK = storeSizePick();
  private static final WeightedPick[] ZONE_PICKS = zonePicks();
  private static final int CAR = indexOfKind("car");
  private static final int CAR_5G_PER_TEN_THOUSAND = 6_000;
  private static final int COST_CENTER_BASE = 1000;
  private static final int COST_CENTERS_PER_CUSTOMER = 3;

  /** The site of cluster {@code ordinal}. */
  static int idOf(long seed, int ordinal) {
    int block = ordinal / BLOCK;
    int position = ordinal % BLOCK;
    SeededRandom random = SeededRandom.of(seed, FleetGenerator.STREAM_BLOCK, block);
    // Bit c set: a new site starts at position c of the block. Rejection keeps the 7 cut points
    // distinct so that every site of a block is non-empty.
    long cuts = 0;
    for (int n = 0; n < SITES_PER_BLOCK - 1; ) {
      long bit = 1L << (1 + random.nextInt(BLOCK - 1));
      if ((cuts & bit) == 0) {
        cuts |= bit;
        n++;
      }
    }
    return block * SITES_PER_BLOCK + Long.bitCount(cuts & ((2L << position) - 1));
  }

  /** Site {@code id}'s attributes, drawn from its own sequence. */
  static Site of(long seed, int id) {
    SeededRandom random = SeededRandom.of(seed, FleetGenerator.STREAM_SITE, id);
    int kindIndex = KIND_PICK.pick(random);
    int regionIndex = REGION_PICK.pick(random);
    Region region = FleetGenerator.REGIONS.get(regionIndex);
    String zone = region.zones().get(ZONE_PICKS[regionIndex].pick(random)).value();
    int customerIndex = CUSTOMER_PICK.pick(random);
    String costCenter =
        "cc-"
            + (COST_CENTER_BASE
                + customerIndex * COST_CENTERS_PER_CUSTOMER
                + random.nextInt(COST_CENTERS_PER_CUSTOMER));
    String network =
        kindIndex == CAR
            ? (random.chance(CAR_5G_PER_TEN_THOUSAND) ? "5g" : "lte")
            : FleetGenerator.NETWORKS.get(NETWORK_PICK.pick(random)).value();
    String storeSize = FleetGenerator.smallInt(1 + STORE_SIZE_PICK.pick(random));
    String city = region.cities().get(random.nextInt(region.cities().size()));
    return new Site(
        id,
        label(id),
        FleetGenerator.SITE_KINDS.get(kindIndex).value(),
        region,
        zone,
        FleetGenerator.CUSTOMERS.get(customerIndex).value(),
        costCenter,
        network,
        storeSize,
        city);
  }

  private static String label(int id) {
    String digits = Integer.toString(id);
    StringBuilder out = new StringBuilder(12).append("site-");
    for (int pad = digits.length(); pad < 7; pad++) {
      out.append('0');
    }
    return out.append(digits).toString();
  }

  // Size class s (1..20) has weight 21 - s: small sites are the common case.
  private static WeightedPick storeSizePick() {
    int[] weights = new int[FleetGenerator.MAX_STORE_SIZE];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = weights.length - i;
    }
    return WeightedPick.of(weights);
  }

  private static WeightedPick[] zonePicks() {
    WeightedPick[] picks = new WeightedPick[FleetGenerator.REGIONS.size()];
    for (int i = 0; i < picks.length; i++) {
      picks[i] = WeightedPick.of(FleetGenerator.REGIONS.get(i).zones(), WeightedValue::weight);
    }
    return picks;
  }

  private static int indexOfKind(String kind) {
    for (int i = 0; i < FleetGenerator.SITE_KINDS.size(); i++) {
      if (FleetGenerator.SITE_KINDS.get(i).value().equals(kind)) {
        return i;
      }
    }
    throw new IllegalStateException("no site kind " + kind);
  }
}
