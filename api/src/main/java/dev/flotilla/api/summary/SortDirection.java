package dev.flotilla.api.summary;

/** The direction of one attention {@code orderBy} key. */
public enum SortDirection {
  /** Smallest first. */
  Asc,
  /** Largest first. */
  Desc
}
