package dev.flotilla.cli;

import dev.flotilla.api.Problem;
import dev.flotilla.api.io.PeerConversion;
import dev.flotilla.api.io.PolicyWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla convert}: a peer's policy as the Flotilla policy that gives the same answers, so
 * a team can move. What the peer's document said that the Flotilla form leaves out (because it
 * cannot change the answer) is printed too: as comments heading the YAML, so they travel with a
 * redirected file, and as {@code note:} lines on stderr for JSON. What cannot be carried over
 * exactly is an {@code error:} line, exit 1.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "convert",
    description =
        "Print the Flotilla Placement or Customization equivalent to an OCM, Karmada or KubeFleet"
            + " policy, and what it leaves out.")
final class ConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description =
          "The peer's policy (- for stdin): an OCM Placement, a Karmada"
              + " (Cluster)PropagationPolicy or (Cluster)OverridePolicy, a KubeFleet"
              + " ClusterResourcePlacement, ClusterResourceOverride or ResourceOverride.")
  Path file;

  @Mixin FormatOption format;

  @Override
  public Integer call() {
    PeerConversion conversion = Inputs.read(file, PeerConversion::read, PeerConversion::read);
    PrintWriter out = spec.commandLine().getOut();
    if (format.output == FormatOption.Format.json) {
      PrintWriter err = spec.commandLine().getErr();
      for (Problem note : conversion.notes()) {
        err.println("note: " + note);
      }
      err.flush();
      out.print(json(conversion));
    } else {
      out.print(header(conversion));
      out.print(yaml(conversion));
    }
    out.flush();
    return 0;
  }

  /** The YAML comments that say where the policy came from and what it leaves out. */
  static String header(PeerConversion conversion) {
    StringBuilder header =
        new StringBuilder("# Converted by flotilla convert from ")
            .append(conversion.peerKind())
            .append('\n');
    if (!conversion.notes().isEmpty()) {
      header.append("# Left out, since it cannot change the answer:\n");
      for (Problem note : conversion.notes()) {
        header.append("#   ").append(note.toString().replace("\n", " ")).append('\n');
      }
    }
    return header.toString();
  }

  private static String yaml(PeerConversion conversion) {
    if (conversion instanceof PeerConversion.ToPlacement placement) {
      return PolicyWriter.toYaml(placement.placement());
    }
    return PolicyWriter.toYaml(((PeerConversion.ToCustomization) conversion).customization());
  }

  private static String json(PeerConversion conversion) {
    if (conversion instanceof PeerConversion.ToPlacement placement) {
      return PolicyWriter.toJson(placement.placement());
    }
    return PolicyWriter.toJson(((PeerConversion.ToCustomization) conversion).customization());
  }
}
