/**
 * Helpers that Flotilla's own modules share and users should not call: Kubernetes' syntax rules for
 * label keys, label values and object names ({@link dev.flotilla.api.internal.LabelRules}).
 *
 * <p>Not API: the package may change in any release. Its module exports it only to the Flotilla
 * engine modules.
 */
package dev.flotilla.api.internal;
