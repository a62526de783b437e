package dev.flotilla.api.io;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.placement.Placement;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A peer's policy (Open Cluster Management, Karmada, KubeFleet) read as the Flotilla policy that
 * gives the same answers, with notes on what the peer's document said that the Flotilla form leaves
 * out because it cannot change the answer (a PropagationPolicy's {@code resourceSelectors}, say).
 * What cannot be carried over exactly is never converted: it is a problem, with its field path.
 *
 * <pre>{@code
 * PeerConversion conversion = PeerConversion.read(Path.of("ocm-placement.yaml"));
 * if (conversion instanceof PeerConversion.ToPlacement p) {
 *   String yaml = PolicyWriter.toYaml(p.placement());
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public sealed interface PeerConversion {
  /**
   * The peer's {@code apiVersion} and {@code kind}, such as {@code policy.karmada.io/v1alpha1
   * PropagationPolicy}.
   */
  String peerKind();

  /** What the Flotilla form leaves out, each placed in the peer's file, in file order. */
  List<Problem> notes();

  /** A peer's placement as a Flotilla placement. */
  record ToPlacement(String peerKind, Placement placement, List<Problem> notes)
      implements PeerConversion {
    /** Copies the notes. */
    public ToPlacement {
      Objects.requireNonNull(peerKind, "peerKind");
      Objects.requireNonNull(placement, "placement");
      notes = List.copyOf(notes);
    }
  }

  /** A peer's override policy as a Flotilla customization. */
  record ToCustomization(String peerKind, Customization customization, List<Problem> notes)
      implements PeerConversion {
    /** Copies the notes. */
    public ToCustomization {
      Objects.requireNonNull(peerKind, "peerKind");
      Objects.requireNonNull(customization, "customization");
      notes = List.copyOf(notes);
    }
  }

  /**
   * Reads the single peer policy in {@code file}.
   *
   * @throws ValidationException listing every problem with file, line, column and field path; a
   *     document that is no peer's policy is one, naming the kinds Flotilla converts
   */
  static PeerConversion read(Path file) {
    return PeerPolicies.convert(SourceReader.open(file));
  }

  /**
   * Reads the single peer policy in {@code text}; {@code source} names it in problems.
   *
   * @throws ValidationException listing every problem
   */
  static PeerConversion read(String source, String text) {
    return PeerPolicies.convert(SourceReader.open(source, text));
  }

  /**
   * Reads the single peer policy in {@code in} (stdin, say), closing it; {@code source} names it in
   * problems and chooses the format ({@code .json} is JSON, anything else YAML).
   *
   * @throws ValidationException listing every problem
   */
  static PeerConversion read(String source, InputStream in) {
    return PeerPolicies.convert(SourceReader.open(source, in));
  }

  /** The kinds {@link #read} converts, as {@code group/kind}, sorted. */
  static List<String> peerKinds() {
    return PeerPolicies.kinds();
  }
}
