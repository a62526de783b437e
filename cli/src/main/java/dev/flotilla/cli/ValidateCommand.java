package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.DocumentKinds;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.api.io.StatusReportReader;
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
    name = "validate",
    description =
        "Check inventories, policies, manifests and status reports; print every problem with"
            + " file, line and path.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        out.println(file + ": " + check(file));
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

  private static String inventory(Path file) {
    List<Cluster> clusters = InventoryReader.read(file);
    return "valid inventory of " + clusters.size() + " clusters";
  }

  /** Validates one file according to its kind; returns a one-line summary. */
  private static String check(Path file) {
    String kind = DocumentKinds.of(file);
    switch (kind) {
      case "Placement" -> {
        PlacementFile.compile(file); // compiling catches bad CEL, placed in the file
        return "valid Placement";
      }
      case "Customization" -> {
        int rules = CustomizationFile.compile(file).customization().spec().rules().size();
        return "valid Customization of " + rules + (rules == 1 ? " rule" : " rules");
      }
      case "StatusSummary" -> {
        SummarizeCommand.compile(file); // compiling catches bad CEL, placed in the file
        return "valid StatusSummary";
      }
      case "ClusterInventory", "Cluster", "ManagedCluster" -> {
        return inventory(file);
      }
      case "" -> {
        if (DocumentKinds.holdsStatusReports(file)) {
          int reports = StatusReportReader.read(file).size();
          return "valid status reports of " + reports + (reports == 1 ? " cluster" : " clusters");
        }
        return inventory(file); // reports the missing kind
      }
      default -> {
        if (kind.endsWith("List")) {
          return inventory(file); // kubectl get managedclusters|clusters -o yaml
        }
        // Any other kind is a Kubernetes object to customize (Deployment, ConfigMap, ...).
        int manifests = ManifestReader.read(file).size();
        return "valid manifests: " + manifests + (manifests == 1 ? " object" : " objects");
      }
    }
  }
}
