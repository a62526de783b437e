package dev.flotilla.cli;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.FileContents;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flotilla validate}: checks inventories and policies, reporting every problem of each. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "validate",
    description =
        "Check inventories, policies, manifests and status reports; print every problem with"
            + " file, line and path.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check (- for stdin).")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        out.println(Inputs.name(file) + ": " + check(file));
      } catch (ValidationException e) {
        problems.addAll(e.problems());
      }
    }
    out.flush();
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return 0;
  }

  /** Validates one file according to what it holds; returns a one-line summary. */
  private static String check(Path file) {
    FileContents contents = Inputs.read(file, FileContents::read, FileContents::read);
    if (contents instanceof FileContents.PlacementPolicy placement) {
      PlacementFile.compile(placement.parsed()); // compiling catches bad CEL, placed in the file
      return "valid Placement";
    }
    if (contents instanceof FileContents.CustomizationPolicy customization) {
      int rules =
          CustomizationFile.compile(customization.parsed()).customization().spec().rules().size();
      return "valid Customization of " + Count.of(rules, "rule");
    }
    if (contents instanceof FileContents.StatusSummaryPolicy summary) {
      SummarizeCommand.compile(summary.parsed()); // compiling catches bad CEL, placed in the file
      return "valid StatusSummary";
    }
    if (contents instanceof FileContents.Inventory inventory) {
      return "valid inventory of " + Count.of(inventory.clusters().size(), "cluster");
    }
    if (contents instanceof FileContents.Decision decision) {
      return "valid PlacementDecision of "
          + decision.decision().placement()
          + ": "
          + Count.of(decision.decision().clusters().size(), "cluster");
    }
    if (contents instanceof FileContents.ClusterMappings mappings) {
      return "valid ClusterObjectMapping: " + Count.of(mappings.mappings().size(), "mapping");
    }
    if (contents instanceof FileContents.StatusReports reports) {
      return "valid status reports of " + Count.of(reports.reports().size(), "cluster");
    }
    FileContents.Manifests manifests = (FileContents.Manifests) contents;
    return "valid manifests: " + Count.of(manifests.manifests().size(), "object");
  }
}
