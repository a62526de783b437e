package dev.flotilla.cli;

import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.summarize.CompiledSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla demo}: Flotilla's whole job on a generated fleet. Placement, scheduling,
 * customization and summarization run on the seeded fleet the benchmarks use; the tables printed
 * depend only on the size and the seed, and the time of each step comes last. With {@code
 * --output}, every input and output is written as files the other commands read, with a {@code
 * README.txt} of the commands that replay each step.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "demo",
    description =
        "Run placement, scheduling, customization and summarization on a generated fleet and show"
            + " what they did and how long each step took.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--clusters",
      defaultValue = "100000",
      description = "Fleet size (default ${DEFAULT-VALUE}).")
  int clusters;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description =
          "Write every input and output into DIR, with a README.txt of the commands that replay"
              + " each step.")
  Path output;

  @Override
  public Integer call() {
    if (clusters < 1 || clusters > 10_000_000) {
      throw new UserError("--clusters: must be between 1 and 10,000,000, not " + clusters);
    }
    PrintWriter out = spec.commandLine().getOut();
    DemoOutput files = output == null ? DemoOutput.none() : DemoOutput.into(output);
    try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
      DemoSteps steps = new DemoSteps(progress);
      // Building cel-java's environments is the largest single cost of a cold start (class loading
      // and indexing every library's overloads, over a second): it runs on the other core while
      // the fleet is generated and indexed, and the compile steps find it built.
      steps.background("build CEL environments", DemoCommand::buildEnvironments);
      out.printf("Flotilla demo: %s, seed %d%n", Count.of(clusters, "generated cluster"), seed);
      out.flush();

      DemoFleet fleet = DemoFleet.generate(clusters, seed, steps);
      fleet.print(out);
      DemoPlacement placement = DemoPlacement.run(fleet.inventory, steps);
      placement.print(fleet.inventory, out);
      out.flush();

      DemoCustomization customization = DemoCustomization.run(fleet.inventory, steps);
      customization.print(out);
      out.flush();

      DemoPlacement.Placed everywhere = placement.get(DemoPlacement.EVERYWHERE);
      // The clusters expected to report, in index order: the summary keeps them as a set, so the
      // sorted list names() builds would be sorted for nothing.
      List<String> expected = new ArrayList<>(everywhere.selection().clusters().size());
      everywhere.selection().clusters().forEachName(expected::add);
      DemoSummary summary = DemoSummary.run(fleet.clusters, fleet.inventory, expected, seed, steps);
      summary.print(out);
      out.flush();

      if (files.enabled()) {
        fleet.write(files, steps);
        placement.write(files, steps);
        customization.write(files, steps);
        summary.write(files, everywhere.file(), steps);
        files.readme(
            String.format(
                "Written by: flotilla demo --clusters %d --seed %d --output DIR", clusters, seed));
        out.printf(
            "%nWrote the inputs and outputs to %s; README.txt lists the commands that replay each"
                + " step.%n",
            output);
      } else {
        out.printf(
            "%nWith --output DIR, the demo writes every input and output as files that place,"
                + " customize and summarize read.%n");
      }
      steps.print(out);
    }
    out.flush();
    return 0;
  }

  /**
   * Builds the shared CEL environments the demo's steps compile with: placements' and
   * customizations' ({@code cluster}), and summaries' (built when {@link CompiledSummary} is
   * initialized), and compiles one of the demo's own placement expressions, which loads the parser,
   * checker and planner. No step's result depends on whether this ran first.
   */
  static void buildEnvironments() {
    ExpressionEnvironment.forClusters().compileBoolean(DemoPlacement.WARM_UP, "warm-up");
    try {
      Class.forName(CompiledSummary.class.getName(), true, DemoCommand.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
