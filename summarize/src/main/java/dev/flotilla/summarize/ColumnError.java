package dev.flotilla.summarize;

/** One expression that failed on one report: the column (its field path) and why. */
record ColumnError(String column, String message) {}
