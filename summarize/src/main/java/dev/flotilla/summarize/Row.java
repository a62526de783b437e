package dev.flotilla.summarize;

import java.util.List;

/**
 * One report evaluated against a compiled summary: everything a {@link SummaryState} needs, so that
 * a live summary can take a report's contribution back exactly by replaying its row.
 *
 * @param matched whether the filter kept the report (false also when the filter failed)
 * @param key the group key, one scalar or null per groupBy
 * @param subjects one per aggregate: a canonical scalar, null, or {@link #FAILED}
 * @param item the attention item, or null when the report is not on the list
 */
record Row(
    String cluster,
    boolean matched,
    boolean stale,
    List<Object> key,
    Object[] subjects,
    AttentionItem item,
    List<ColumnError> errors) {

  /** A subject whose expression failed: counted under errors, not as null. */
  static final Object FAILED = new Object();
}
