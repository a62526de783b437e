/**
 * The customization model ({@code kind: Customization}): which manifests a policy edits ({@link
 * dev.flotilla.api.customize.ResourceSelector}), and ordered {@link
 * dev.flotilla.api.customize.Rule}s, each with a cluster selector and {@link
 * dev.flotilla.api.customize.Action}s. The records validate themselves; values that may hold
 * templates ({@code ${ CEL }}) are kept as written and compiled by the customize module.
 */
package dev.flotilla.api.customize;
