package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --inventory}, shared by the commands that select clusters. */
final class InventoryOption {
  @Option(
      names = "--inventory",
      required = true,
      paramLabel = "FILE",
      description = "Inventory file (YAML or JSON; - for stdin).")
  Path inventory;

  /** The clusters of the inventory file. */
  List<Cluster> read() {
    return Inputs.inventory(inventory);
  }
}
