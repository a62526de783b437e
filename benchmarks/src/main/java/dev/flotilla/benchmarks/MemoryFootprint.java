package dev.flotilla.benchmarks;

import dev.flotilla.api.Cluster;
import dev.flotilla.benchmarks.state.FleetState;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.FleetGenerator;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the retained bytes per cluster of an {@link Inventory} and of the {@code List<Cluster>} of
 * records it was built from, measured with JOL. Usage: {@code java -Djdk.attach.allowAttachSelf -cp
 * benchmarks.jar dev.flotilla.benchmarks.MemoryFootprint [clusters] [labels]}.
 *
 * <p>Strings the inventory shares with the records (names, label values) are counted in both
 * figures: each is what that structure alone keeps alive.
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  public static void main(String[] args) {
    int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int labels = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    List<Cluster> fleet =
        FleetGenerator.builder()
            .seed(FleetState.SEED)
            .clusters(clusters)
            .labelsPerCluster(labels)
            .build()
            .generate();
    Inventory inventory = Inventory.of(fleet);

    long listBytes = GraphLayout.parseInstance(fleet).totalSize();
    long inventoryBytes = GraphLayout.parseInstance(inventory).totalSize();

    System.out.printf("clusters=%d labels=%d seed=%d%n", clusters, labels, FleetState.SEED);
    System.out.printf(
        "List<Cluster>: %,d bytes, %,.0f bytes/cluster%n",
        listBytes, (double) listBytes / clusters);
    System.out.printf(
        "Inventory:     %,d bytes, %,.0f bytes/cluster%n",
        inventoryBytes, (double) inventoryBytes / clusters);
    System.out.printf("Inventory / List: %.2f%n", (double) inventoryBytes / listBytes);
  }
}
