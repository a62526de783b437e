package dev.flotilla.api.summary;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a status summary computes: reports kept by {@code filter}, grouped by {@code groupBy},
 * aggregated by {@code aggregates}; an {@code attention} list; {@code feedback} values extracted by
 * JSONPath; reports older than {@code staleAfter} counted as stale; the serialized result kept
 * within {@code maxBytes}.
 */
public record StatusSummarySpec(
    Optional<String> filter,
    List<FeedbackRule> feedback,
    List<GroupBy> groupBy,
    List<Aggregate> aggregates,
    Optional<Attention> attention,
    Optional<Duration> staleAfter,
    int maxBytes) {

  /** The default {@code maxBytes}: 512 KiB, well under a Kubernetes object's 1.5 MiB. */
  public static final int DEFAULT_MAX_BYTES = 512 * 1024;

  /** The smallest {@code maxBytes}: room for counts and error columns with every list cut. */
  public static final int MIN_MAX_BYTES = 16 * 1024;

  /** The largest {@code maxBytes}. */
  public static final int MAX_MAX_BYTES = 64 * 1024 * 1024;

  static final int MAX_GROUP_BY = 10;
  static final int MAX_AGGREGATES = 32;
  static final int MAX_FEEDBACK = 20;

  public StatusSummarySpec {
    Objects.requireNonNull(filter, "filter");
    feedback = List.copyOf(feedback);
    groupBy = List.copyOf(groupBy);
    aggregates = List.copyOf(aggregates);
    Objects.requireNonNull(attention, "attention");
    Objects.requireNonNull(staleAfter, "staleAfter");
    List<Problem> problems = new ArrayList<>();
    filter.ifPresent(f -> Names.checkExpression("filter", f, problems));
    Names.atMost("feedback", feedback, MAX_FEEDBACK, problems);
    Names.unique("feedback", feedback, FeedbackRule::name, problems);
    Names.atMost("groupBy", groupBy, MAX_GROUP_BY, problems);
    Names.unique("groupBy", groupBy, GroupBy::name, problems);
    Names.atMost("aggregates", aggregates, MAX_AGGREGATES, problems);
    Names.unique("aggregates", aggregates, Aggregate::name, problems);
    if (staleAfter.isPresent() && (staleAfter.get().isNegative() || staleAfter.get().isZero())) {
      problems.add(Problem.at("staleAfter", "Invalid value: must be greater than zero"));
    }
    if (maxBytes < MIN_MAX_BYTES || maxBytes > MAX_MAX_BYTES) {
      problems.add(
          Problem.at(
              "maxBytes",
              "Invalid value: "
                  + maxBytes
                  + ": must be between "
                  + MIN_MAX_BYTES
                  + " and "
                  + MAX_MAX_BYTES));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** A spec with only these aggregates (one group, no filter, no attention), to start from. */
  public static StatusSummarySpec of(List<Aggregate> aggregates) {
    return new StatusSummarySpec(
        Optional.empty(),
        List.of(),
        List.of(),
        aggregates,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MAX_BYTES);
  }

  /** The same spec with {@code filter}. */
  public StatusSummarySpec withFilter(String filter) {
    return new StatusSummarySpec(
        Optional.of(filter), feedback, groupBy, aggregates, attention, staleAfter, maxBytes);
  }

  /** The same spec with {@code groupBy}. */
  public StatusSummarySpec withGroupBy(List<GroupBy> groupBy) {
    return new StatusSummarySpec(
        filter, feedback, groupBy, aggregates, attention, staleAfter, maxBytes);
  }

  /** The same spec with {@code feedback} rules. */
  public StatusSummarySpec withFeedback(List<FeedbackRule> feedback) {
    return new StatusSummarySpec(
        filter, feedback, groupBy, aggregates, attention, staleAfter, maxBytes);
  }

  /** The same spec with an attention list. */
  public StatusSummarySpec withAttention(Attention attention) {
    return new StatusSummarySpec(
        filter, feedback, groupBy, aggregates, Optional.of(attention), staleAfter, maxBytes);
  }

  /** The same spec with a freshness bound. */
  public StatusSummarySpec withStaleAfter(Duration staleAfter) {
    return new StatusSummarySpec(
        filter, feedback, groupBy, aggregates, attention, Optional.of(staleAfter), maxBytes);
  }

  /** The same spec with a size bound. */
  public StatusSummarySpec withMaxBytes(int maxBytes) {
    return new StatusSummarySpec(
        filter, feedback, groupBy, aggregates, attention, staleAfter, maxBytes);
  }
}
