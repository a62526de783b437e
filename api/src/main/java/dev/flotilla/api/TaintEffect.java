package dev.flotilla.api;

/** What a taint does to placements that do not tolerate it (the names are OCM's). */
public enum TaintEffect {
  /** Never select the cluster. */
  NoSelect,
  /** Select the cluster only when nothing better is available (a score penalty). */
  PreferNoSelect,
  /** Do not newly select the cluster; placements that already selected it keep it. */
  NoSelectIfNew
}
