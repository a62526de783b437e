package dev.flotilla.kubernetes;

import java.util.List;

/**
 * The Kubernetes API group of Flotilla's own kinds, as their custom resource definitions declare
 * it: {@code flotilla.dev}, version {@code v1alpha1}, the same {@code apiVersion} the file readers
 * accept.
 */
public final class FlotillaKinds {
  /** The API group. */
  public static final String GROUP = "flotilla.dev";

  /** The served and stored version. */
  public static final String VERSION = "v1alpha1";

  /** {@code group/version}, as written in an object's {@code apiVersion}. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** Which clusters a workload goes to. */
  public static final String PLACEMENT = "Placement";

  /** How each cluster's copy of the manifests differs. */
  public static final String CUSTOMIZATION = "Customization";

  /** What the fleet reports back, distilled. */
  public static final String STATUS_SUMMARY = "StatusSummary";

  /** The clusters a placement chose, written by a controller. */
  public static final String PLACEMENT_DECISION = "PlacementDecision";

  /** Every kind above, in that order. */
  public static final List<String> ALL =
      List.of(PLACEMENT, CUSTOMIZATION, STATUS_SUMMARY, PLACEMENT_DECISION);

  private FlotillaKinds() {}
}
