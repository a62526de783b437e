package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.kube.ClusterObjectMapping;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PreviousDecision;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.api.summary.StatusSummary;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Whatever a Flotilla input holds, read with the reader its content calls for: for tools that take
 * a file of any kind, such as {@code flotilla validate}.
 *
 * <pre>{@code
 * switch (FileContents.read(path)) {
 *   case FileContents.Inventory inventory -> ... inventory.clusters()
 *   case FileContents.PlacementPolicy placement -> ... placement.parsed()
 *   ...
 * }
 * }</pre>
 *
 * <p>The kind is told from the beginning of the input (at most {@value #PEEK_BYTES} bytes are
 * looked at, then read again by the chosen reader, so stdin works too; an input whose first
 * document starts later is read as an inventory): a Flotilla policy by its {@code kind} ({@code
 * Placement}, {@code Customization}, {@code StatusSummary}), and a peer's placement or override
 * (see {@link PeerConversion}) as a {@code Placement} or {@code Customization}; an inventory by
 * {@code kind: ClusterInventory}, {@code Cluster}, {@code ManagedCluster}, {@code MemberCluster}, a
 * {@code ...List} of them, or a document without a kind; status reports by a list (or a document)
 * of objects with a {@code cluster} field and no kind; anything else, including a JSON array or a
 * {@code kind: List} of other objects, is manifests. An input with no object at all, and a kind
 * under {@code flotilla.dev/} that Flotilla does not define (a misspelling), are problems.
 */
public sealed interface FileContents {
  /** How much of an input is looked at to tell its kind. */
  int PEEK_BYTES = 1024 * 1024;

  /** The kinds Flotilla defines under {@code flotilla.dev/}. */
  List<String> FLOTILLA_KINDS =
      List.of(
          "Cluster",
          "ClusterInventory",
          "ClusterObjectMapping",
          "Customization",
          "Placement",
          "PlacementDecision",
          "StatusSummary");

  /** The source the contents were read from, as named in problems. */
  String source();

  /** A cluster inventory, in any of the shapes {@link InventoryReader} reads. */
  record Inventory(String source, List<Cluster> clusters) implements FileContents {
    /** Copies the list. */
    public Inventory {
      Objects.requireNonNull(source, "source");
      clusters = List.copyOf(clusters);
    }
  }

  /** A {@code kind: Placement}, with its source map (CEL problems found later can be placed). */
  record PlacementPolicy(String source, Parsed<Placement> parsed) implements FileContents {
    /** Requires both parts. */
    public PlacementPolicy {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(parsed, "parsed");
    }
  }

  /** A {@code kind: Customization}, with its source map. */
  record CustomizationPolicy(String source, Parsed<Customization> parsed) implements FileContents {
    /** Requires both parts. */
    public CustomizationPolicy {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(parsed, "parsed");
    }
  }

  /** A {@code kind: StatusSummary}, with its source map. */
  record StatusSummaryPolicy(String source, Parsed<StatusSummary> parsed) implements FileContents {
    /** Requires both parts. */
    public StatusSummaryPolicy {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(parsed, "parsed");
    }
  }

  /**
   * {@code PlacementDecision} pages of one placement, Flotilla's or Open Cluster Management's (as
   * {@code flotilla place -o decision|ocm} writes them), read back as the decision they hold.
   */
  record Decision(String source, PreviousDecision decision) implements FileContents {
    /** Requires both parts. */
    public Decision {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(decision, "decision");
    }
  }

  /** {@code kind: ClusterObjectMapping} documents: how other kinds of objects become clusters. */
  record ClusterMappings(String source, List<ClusterObjectMapping> mappings)
      implements FileContents {
    /** Copies the list. */
    public ClusterMappings {
      Objects.requireNonNull(source, "source");
      mappings = List.copyOf(mappings);
    }
  }

  /** A status reports file. */
  record StatusReports(String source, List<StatusReport> reports) implements FileContents {
    /** Copies the list. */
    public StatusReports {
      Objects.requireNonNull(source, "source");
      reports = List.copyOf(reports);
    }
  }

  /** Kubernetes manifests (to customize). */
  record Manifests(String source, List<JsonNode> manifests) implements FileContents {
    /** Copies the list (not the trees, which belong to the caller). */
    public Manifests {
      Objects.requireNonNull(source, "source");
      manifests = List.copyOf(manifests);
    }
  }

  /**
   * Reads {@code file} with the reader its content calls for.
   *
   * @throws ValidationException listing every problem, with file, line, column and field path
   */
  static FileContents read(Path file) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new ValidationException(new Problem(source, 0, 0, "", "is a directory, not a file"));
    }
    try {
      return read(source, Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new ValidationException(new Problem(source, 0, 0, "", "no such file"));
    } catch (AccessDeniedException e) {
      throw new ValidationException(new Problem(source, 0, 0, "", "permission denied"));
    } catch (IOException e) {
      throw new ValidationException(
          new Problem(source, 0, 0, "", "cannot read: " + e.getMessage()));
    }
  }

  /**
   * Reads {@code in} (stdin, say) with the reader its content calls for, closing it.
   *
   * @param source the name used in problems; {@code .json} is read as JSON, anything else as YAML
   * @throws ValidationException listing every problem, with file, line, column and field path
   */
  static FileContents read(String source, InputStream in) {
    BufferedInputStream input = new BufferedInputStream(in, 64 * 1024);
    input.mark(PEEK_BYTES + 1);
    Peek peek = Peek.of(source, input, PEEK_BYTES);
    try {
      input.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: at most PEEK_BYTES were read
    }
    switch (peek.kind()) {
      case "" -> {
        try (input) {
          throw new ValidationException(
              new Problem(
                  source,
                  0,
                  0,
                  "",
                  "no objects: expected an inventory, a policy, manifests or status reports"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      case "Placement" -> {
        return new PlacementPolicy(source, PlacementReader.parse(source, input));
      }
      case "Customization" -> {
        return new CustomizationPolicy(source, CustomizationReader.parse(source, input));
      }
      case "StatusSummary" -> {
        return new StatusSummaryPolicy(source, StatusSummaryReader.parse(source, input));
      }
      case Peek.DECISION -> {
        return new Decision(source, DecisionReader.parse(source, input).value());
      }
      case "ClusterObjectMapping" -> {
        return new ClusterMappings(source, ClusterObjectMappingReader.read(source, input));
      }
      case Peek.REPORTS -> {
        return new StatusReports(source, StatusReportReader.read(source, input));
      }
      case Peek.MANIFESTS -> {
        return new Manifests(source, ManifestReader.read(source, input));
      }
      case Peek.UNKNOWN_FLOTILLA_KIND -> {
        try (input) {
          throw new ValidationException(
              new Problem(
                  source,
                  peek.kindAt().line(),
                  peek.kindAt().column(),
                  "kind",
                  "Unsupported value: \""
                      + peek.written()
                      + "\": supported values: \""
                      + String.join("\", \"", FLOTILLA_KINDS)
                      + "\""));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      default -> {
        return new Inventory(source, InventoryReader.read(source, input));
      }
    }
  }
}
