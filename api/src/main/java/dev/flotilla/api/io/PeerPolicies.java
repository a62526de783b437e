package dev.flotilla.api.io;

import dev.flotilla.api.Problem;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.placement.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The peers' policy kinds that Flotilla reads wherever it reads its own: Open Cluster Management's,
 * Karmada's and KubeFleet's placements and overrides. Each reader takes a whole document of its
 * kind (apiVersion, kind, metadata, spec, and a server's status) and maps it into Flotilla's model
 * with the peer's semantics; what cannot be carried over exactly is a problem naming the field and
 * why, never a policy that would answer differently.
 *
 * <p>Keyed by API group and kind, so a version of the group that a reader does not know is that
 * reader's problem to report (with the versions it knows), not a Flotilla "unsupported kind".
 */
final class PeerPolicies {
  private PeerPolicies() {}

  /**
   * Reads one peer document, reporting every problem to the view's binder, and every field it read
   * but did not carry over because it cannot change the answer (a PropagationPolicy's {@code
   * resourceSelectors}, say: Flotilla places clusters) to {@code notes}, which {@code flotilla
   * convert} prints.
   */
  @FunctionalInterface
  interface PeerReader<T> {
    /** The policy, or empty after its problems were reported. */
    Optional<T> read(ObjectView document, Notes notes);
  }

  /** What a peer's policy said that its Flotilla form leaves out, each placed in the file. */
  static final class Notes {
    private final List<Problem> notes = new ArrayList<>();

    /** Notes {@code field} of {@code view}: {@code message} says why it was left out. */
    void add(ObjectView view, String field, String message) {
      Node.Location at =
          view.node() instanceof Node.MapNode map && map.keyLocations().containsKey(field)
              ? map.keyLocations().get(field)
              : view.node().location();
      notes.add(
          new Problem(view.binder().source(), at.line(), at.column(), view.child(field), message));
    }

    /** The notes, in the order they were made. */
    List<Problem> list() {
      return List.copyOf(notes);
    }
  }

  /** An API group (the part of {@code apiVersion} before the slash) and a kind. */
  record GroupKind(String group, String kind) {
    /** The group and kind of {@code apiVersion} and {@code kind}; a core version has group "". */
    static GroupKind of(String apiVersion, String kind) {
      int slash = apiVersion.indexOf('/');
      return new GroupKind(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
    }
  }

  /** The peers' placement kinds. */
  static final Map<GroupKind, PeerReader<Placement>> PLACEMENTS =
      Map.of(
          new GroupKind(OcmPlacementReader.GROUP, "Placement"),
          OcmPlacementReader::read,
          new GroupKind(KarmadaPropagationReader.GROUP, "PropagationPolicy"),
          KarmadaPropagationReader::read,
          new GroupKind(KarmadaPropagationReader.GROUP, "ClusterPropagationPolicy"),
          KarmadaPropagationReader::read,
          new GroupKind(KubeFleetPlacementReader.GROUP, KubeFleetPlacementReader.KIND),
          KubeFleetPlacementReader::read);

  /** The peers' override kinds, read as customizations. */
  static final Map<GroupKind, PeerReader<Customization>> CUSTOMIZATIONS =
      Map.of(
          new GroupKind(KarmadaOverrideReader.GROUP, "OverridePolicy"),
          KarmadaOverrideReader::overridePolicy,
          new GroupKind(KarmadaOverrideReader.GROUP, "ClusterOverridePolicy"),
          KarmadaOverrideReader::clusterOverridePolicy,
          new GroupKind(KubeFleetOverrideReader.GROUP, "ClusterResourceOverride"),
          KubeFleetOverrideReader::clusterResourceOverride,
          new GroupKind(KubeFleetOverrideReader.GROUP, "ResourceOverride"),
          KubeFleetOverrideReader::resourceOverride);

  /** The peer reader for {@code document}'s apiVersion and kind, if it is a peer's policy. */
  static <T> Optional<PeerReader<T>> readerFor(
      Map<GroupKind, PeerReader<T>> readers, ObjectView document) {
    Optional<String> apiVersion = peekString(document, "apiVersion");
    Optional<String> kind = peekString(document, "kind");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(readers.get(GroupKind.of(apiVersion.get(), kind.get())));
  }

  /** Whether {@code apiVersion}/{@code kind} is a peer's placement. */
  static boolean isPlacement(String apiVersion, String kind) {
    return PLACEMENTS.containsKey(GroupKind.of(apiVersion, kind));
  }

  /** Whether {@code apiVersion}/{@code kind} is a peer's override. */
  static boolean isCustomization(String apiVersion, String kind) {
    return CUSTOMIZATIONS.containsKey(GroupKind.of(apiVersion, kind));
  }

  /** The peers' kinds, as {@code group/kind}, sorted. */
  static List<String> kinds() {
    return Stream.concat(PLACEMENTS.keySet().stream(), CUSTOMIZATIONS.keySet().stream())
        .map(key -> key.group() + "/" + key.kind())
        .sorted()
        .toList();
  }

  /** Reads the single peer policy of {@code input}, closing it; see {@link PeerConversion}. */
  static PeerConversion convert(SourceReader input) {
    try (input) {
      Node root = PolicyDocument.single(input, "one policy of a peer");
      Binder binder = new Binder(input.source());
      PeerConversion conversion = convert(binder, root);
      binder.throwIfProblems();
      return conversion;
    }
  }

  private static PeerConversion convert(Binder binder, Node root) {
    Optional<ObjectView> maybe = ObjectView.of(binder, root, "");
    if (maybe.isEmpty()) {
      return null;
    }
    ObjectView document = maybe.get();
    String peerKind =
        peekString(document, "apiVersion").orElse("")
            + " "
            + peekString(document, "kind").orElse("");
    Notes notes = new Notes();
    Optional<PeerReader<Placement>> placement = readerFor(PLACEMENTS, document);
    if (placement.isPresent()) {
      Optional<Placement> read = placement.get().read(document, notes);
      return read.isEmpty() || binder.hasProblems()
          ? null
          : new PeerConversion.ToPlacement(peerKind, read.get(), notes.list());
    }
    Optional<PeerReader<Customization>> customization = readerFor(CUSTOMIZATIONS, document);
    if (customization.isPresent()) {
      Optional<Customization> read = customization.get().read(document, notes);
      return read.isEmpty() || binder.hasProblems()
          ? null
          : new PeerConversion.ToCustomization(peerKind, read.get(), notes.list());
    }
    if (peerKind.startsWith(PlacementReader.API_VERSION + " ")) {
      binder.report(root.location(), "kind", "already a Flotilla policy: nothing to convert");
      return null;
    }
    binder.report(
        root.location(),
        "kind",
        "Unsupported value: \""
            + peerKind.trim()
            + "\": not a peer's policy; supported kinds: "
            + (kinds().isEmpty() ? "none" : String.join(", ", kinds())));
    return null;
  }

  /** A string field's value without taking it (the reader chosen takes it). */
  private static Optional<String> peekString(ObjectView document, String field) {
    Node value = document.node() instanceof Node.MapNode map ? map.fields().get(field) : null;
    return value instanceof Node.ScalarNode scalar && scalar.value() instanceof String text
        ? Optional.of(text)
        : Optional.empty();
  }
}
