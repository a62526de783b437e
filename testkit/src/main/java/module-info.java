/**
 * Generators of fleets and status reports, and reference evaluators, for users' own tests.
 * QuickTheories is needed only by the generators ({@code FleetGens}); the fleet generator works
 * without it.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.flotilla.testkit {
  requires transitive dev.flotilla.api;
  requires static transitive quicktheories;

  exports dev.flotilla.testkit;
}
