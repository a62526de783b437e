/**
 * The status summary model: {@link dev.flotilla.api.summary.StatusSummary} policies ({@code kind:
 * StatusSummary}) and the per-cluster {@link dev.flotilla.api.summary.StatusReport}s they distil.
 * Every record validates itself in its constructor and reports problems with field paths.
 */
package dev.flotilla.api.summary;
