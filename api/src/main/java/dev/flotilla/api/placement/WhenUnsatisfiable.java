package dev.flotilla.api.placement;

/** What a spread constraint does when it cannot be met (Kubernetes' names). */
public enum WhenUnsatisfiable {
  /** Pick fewer clusters rather than exceed the skew. */
  DoNotSchedule,
  /** Pick the clusters anyway, keeping the skew as low as the ranking allows. */
  ScheduleAnyway
}
