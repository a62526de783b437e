/**
 * Flotilla's model: clusters, label selectors, quantities and versions, the Placement,
 * Customization and StatusSummary policies, and their readers.
 */
module dev.flotilla.api {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.yaml.snakeyaml;

  exports dev.flotilla.api;
  exports dev.flotilla.api.customize;
  exports dev.flotilla.api.io;
  exports dev.flotilla.api.kube;
  exports dev.flotilla.api.labels;
  exports dev.flotilla.api.placement;
  exports dev.flotilla.api.quantity;
  exports dev.flotilla.api.summary;
  // Label key and value rules, shared with the engines that validate labels themselves.
  exports dev.flotilla.api.internal to
      dev.flotilla.customize,
      dev.flotilla.expr,
      dev.flotilla.testkit;
}
