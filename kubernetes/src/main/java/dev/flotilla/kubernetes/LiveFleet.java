package dev.flotilla.kubernetes;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.kube.ClusterObjects;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fleet kept current from watch events: an informer (any client) passes add, update, delete and
 * resync events of cluster objects, and readers take the newest {@link Inventory} snapshot, with
 * the selections of the placements registered here.
 *
 * <pre>{@code
 * LiveFleet<Map<String, ?>> fleet = LiveFleet.forObjects()          // ClusterObjects.standard()
 *     .listener(change -> change.deltas().forEach(queue::add))  // placement -> added, removed
 *     .build();
 * informer.addEventHandler(...);      // calls fleet.added / updated / deleted / resync
 * fleet.placements(placements);        // the placements whose deltas listeners want
 * Inventory now = fleet.inventory();   // any thread, never blocks
 * }</pre>
 *
 * <p><b>Batches.</b> Events are queued and coalesced by object name (the last version of an object
 * wins) and applied together as one batch: after a short delay from the first queued event (default
 * 50 ms), as soon as {@code maxBatch} objects are queued, or when {@link #flush()} is called. A
 * batch is published as one {@link FleetSnapshot}: a reader sees every event of a batch or none.
 * Mapping objects to clusters happens when the batch is applied, once per object and batch.
 *
 * <p><b>Bad objects.</b> An object the mapping rejects is reported to the problem sink (its name
 * and the problems, each with a field path) and listed in {@link FleetSnapshot#problems()} until a
 * good version or a delete replaces it; the rest of the batch is applied. A cluster that was good
 * before keeps its last good version, so a malformed update never drops a cluster from every
 * placement. Nothing is ever thrown to the thread that passed the event. (An object whose name
 * cannot be read is reported at once, on that thread: without a name it cannot be queued.)
 *
 * <p><b>Thread-safety.</b> Every method may be called from any thread. Event methods only queue (a
 * short lock, never held while applying). Readers ({@link #snapshot()}, {@link #inventory()}) read
 * a volatile field and never block. Batches are applied by one thread at a time, in order;
 * listeners and the problem sink are called on that thread, one call at a time, in batch order,
 * after the batch is published: they should be quick (hand work to a queue), and a listener that
 * throws is logged and does not stop the fleet. A listener must not wait for another thread that
 * calls {@link #flush()}; {@code flush()} called from a listener returns at once.
 *
 * @param <T> the type of the cluster objects passed in events
 */
public final class LiveFleet<T> implements AutoCloseable {
  /*
   * For maintainers. Two locks with different jobs: `queueLock` guards `queued` (the batch being
   * filled) and the scheduling flag, and is held only to add an event or to swap the batch out;
   * `applyLock` makes applying single-threaded and ordered. Applying takes the queued batch (under
   * queueLock, briefly), computes the next state without any lock readers see, publishes it with
   * one volatile write, then calls listeners. So informer threads never wait for an apply, and
   * readers never wait at all.
   */
  private static final System.Logger LOG = System.getLogger(LiveFleet.class.getName());

  private final Function<? super T, String> nameOf;
  private final Function<? super T, Cluster> mapping;
  private final List<Consumer<? super FleetChange>> listeners;
  private final Consumer<? super ObjectProblem> problems;
  private final ScheduledExecutorService executor;
  private final boolean ownExecutor;
  private final long delayNanos;
  private final int maxBatch;
  private final int stepwiseLimit;

  private final Object queueLock = new Object();
  private FleetBatch<T> queued = new FleetBatch<>();
  private boolean drainScheduled;
  private boolean closed;

  private final ReentrantLock applyLock = new ReentrantLock();
  private volatile FleetBatch.State state;

  private LiveFleet(Builder<T> builder) {
    this.nameOf = builder.nameOf;
    this.mapping = builder.mapping;
    this.listeners = List.copyOf(builder.listeners);
    this.problems = builder.problems;
    this.delayNanos = builder.delay.toNanos();
    this.maxBatch = builder.maxBatch;
    this.stepwiseLimit = builder.stepwiseLimit;
    if (builder.manual) {
      this.executor = null;
      this.ownExecutor = false;
    } else if (builder.executor != null) {
      this.executor = builder.executor;
      this.ownExecutor = false;
    } else {
      this.executor =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "flotilla-live-fleet");
                thread.setDaemon(true);
                return thread;
              });
      this.ownExecutor = true;
    }
    PlacementSet none = PlacementSet.compile(List.of(), PlacementSet.Bindings.unbounded());
    Inventory empty = Inventory.empty();
    this.state =
        new FleetBatch.State(
            new FleetSnapshot(0, empty, none.evaluate(empty), List.of(), Map.of()), none);
  }

  /**
   * A builder for objects of type {@code T}.
   *
   * @param nameOf reads an object's name ({@code metadata.name}): the identity that deletes and
   *     updates refer to; it may throw for an object without a name, which is then reported
   * @param mapping maps an object to its cluster, throwing {@link ValidationException} (with field
   *     paths) for a bad object; it must name the cluster as {@code nameOf} names the object
   */
  public static <T> Builder<T> builder(
      Function<? super T, String> nameOf, Function<? super T, Cluster> mapping) {
    return new Builder<>(nameOf, mapping);
  }

  /**
   * A builder for cluster objects given as maps, mapped by {@link ClusterObjects#standard()}: OCM
   * {@code ManagedCluster}, Karmada {@code Cluster}, KubeFleet {@code MemberCluster}, Flotilla's
   * {@code Cluster}; any other kind contributes its metadata.
   */
  public static Builder<Map<String, ?>> forObjects() {
    return forObjects(ClusterObjects.standard()::toCluster);
  }

  /**
   * A builder for objects given as maps ({@code apiVersion}, {@code kind}, {@code metadata}, {@code
   * spec}, {@code status}), as informer caches and Jackson hold them, mapped by {@code mapping}
   * (another {@link ClusterObjects}, say, with a declarative mapping of a kind of your own); the
   * name is read from {@code metadata.name}.
   */
  public static Builder<Map<String, ?>> forObjects(
      Function<? super Map<String, ?>, Cluster> mapping) {
    return new Builder<>(LiveFleet::metadataName, mapping);
  }

  /** The newest snapshot; never blocks. */
  public FleetSnapshot snapshot() {
    return state.snapshot();
  }

  /** The newest inventory, {@code snapshot().inventory()}; never blocks. */
  public Inventory inventory() {
    return state.snapshot().inventory();
  }

  /** Queues an object that appeared (or an initial-list object). */
  public void added(T object) {
    queue(object, false);
  }

  /** Queues a new version of an object (an add if the fleet does not have it). */
  public void updated(T object) {
    queue(object, false);
  }

  /**
   * Queues the deletion of an object (the final state a watch reports is enough: only its name is
   * read).
   */
  public void deleted(T object) {
    queue(object, true);
  }

  /** Queues the deletion of the object named {@code name}. */
  public void deleted(String name) {
    Objects.requireNonNull(name, "name");
    enqueue(batch -> batch.delete(name));
  }

  /**
   * Queues a full relist: {@code objects} are every object that exists, so every cluster (and every
   * bad object) not among them is deleted when the batch is applied. Events queued before are
   * superseded; events queued after apply on top.
   */
  public void resync(Collection<? extends T> objects) {
    Map<String, T> byName = new LinkedHashMap<>();
    for (T object : objects) {
      String name = nameOrReport(object);
      if (name != null) {
        byName.put(name, object);
      }
    }
    enqueue(batch -> batch.resync(byName));
  }

  /** As {@link #placements(Collection, PlacementSet.Bindings)} with no tenant boundary. */
  public void placements(Collection<Placement> placements) {
    placements(placements, PlacementSet.Bindings.unbounded());
  }

  /**
   * Registers the placements whose selections the snapshots hold and whose deltas listeners get,
   * replacing those registered before. They are compiled here, on the calling thread, and take
   * effect with the next batch: its change holds a delta for each placement whose selection differs
   * (a new placement: everything it selects is added).
   *
   * @throws ValidationException when a placement is invalid (nothing is registered then)
   */
  public void placements(Collection<Placement> placements, PlacementSet.Bindings bindings) {
    PlacementSet set = PlacementSet.compile(placements, bindings);
    FleetBatch.Registration registration =
        new FleetBatch.Registration(new ArrayList<>(placements), set);
    enqueue(batch -> batch.register(registration));
  }

  /**
   * Applies every event queued before this call, on the calling thread, and returns when they are
   * published (waiting for a batch another thread is applying). Called from a listener, it returns
   * at once (the listener's own batch is being applied).
   */
  public void flush() {
    drain();
  }

  /**
   * Stops the batching thread this fleet started (an executor given to the builder is left alone).
   * Events queued later are dropped; queued events are applied only by a {@link #flush()}.
   */
  @Override
  public void close() {
    synchronized (queueLock) {
      closed = true;
    }
    if (ownExecutor) {
      executor.shutdownNow();
    }
  }

  private void queue(T object, boolean delete) {
    String name = nameOrReport(object);
    if (name == null) {
      return;
    }
    enqueue(
        batch -> {
          if (delete) {
            batch.delete(name);
          } else {
            batch.upsert(name, object);
          }
        });
  }

  private String nameOrReport(T object) {
    try {
      String name = nameOf.apply(object);
      if (name == null || name.isEmpty()) {
        throw ValidationException.at("metadata.name", "Required value");
      }
      return name;
    } catch (ValidationException e) {
      report(new ObjectProblem("", e.problems()));
    } catch (RuntimeException e) {
      report(new ObjectProblem("", List.of(Problem.at("metadata.name", "cannot read: " + e))));
    }
    return null;
  }

  private void enqueue(Consumer<FleetBatch<T>> event) {
    boolean schedule = false;
    boolean now = false;
    synchronized (queueLock) {
      if (closed) {
        return;
      }
      int before = queued.size();
      event.accept(queued);
      if (executor != null) {
        now = before < maxBatch && queued.size() >= maxBatch;
        schedule = !drainScheduled;
        drainScheduled = true;
      }
    }
    try {
      if (now) {
        executor.execute(this::drain);
      } else if (schedule) {
        executor.schedule(this::drain, delayNanos, TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException e) {
      LOG.log(System.Logger.Level.DEBUG, "live fleet executor shut down; batch left queued");
    }
  }

  private void drain() {
    if (applyLock.isHeldByCurrentThread()) {
      return;
    }
    applyLock.lock();
    try {
      FleetBatch<T> batch;
      synchronized (queueLock) {
        batch = queued;
        queued = new FleetBatch<>();
        drainScheduled = false;
      }
      if (batch.isEmpty()) {
        return;
      }
      FleetBatch.State before = state;
      int stepwise =
          stepwiseLimit >= 0
              ? stepwiseLimit
              : Math.max(256, before.snapshot().inventory().size() / 8);
      List<ObjectProblem> found = new ArrayList<>();
      FleetBatch.Outcome outcome;
      try {
        outcome = batch.apply(before, mapping, stepwise, found::add).orElse(null);
      } catch (RuntimeException e) {
        // A bug, not an input problem: keep the fleet as it was rather than kill the applier.
        LOG.log(System.Logger.Level.ERROR, "live fleet: a batch failed and was dropped", e);
        return;
      }
      if (outcome != null) {
        state = outcome.state();
      }
      found.forEach(this::report);
      if (outcome != null) {
        for (Consumer<? super FleetChange> listener : listeners) {
          try {
            listener.accept(outcome.change());
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "live fleet: a listener failed", e);
          }
        }
      }
    } finally {
      applyLock.unlock();
    }
  }

  private void report(ObjectProblem problem) {
    try {
      problems.accept(problem);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "live fleet: the problem sink failed", e);
    }
  }

  private static String metadataName(Map<String, ?> object) {
    Object metadata = object.get("metadata");
    if (!(metadata instanceof Map<?, ?> map)) {
      throw ValidationException.at("metadata", "Required value");
    }
    Object name = map.get("name");
    if (!(name instanceof String text)) {
      throw ValidationException.at("metadata.name", "Required value");
    }
    return text;
  }

  /**
   * Configures a {@link LiveFleet}. Not thread-safe; {@link #build()} may be called once per
   * configuration.
   *
   * @param <T> the type of the cluster objects
   */
  public static final class Builder<T> {
    private final Function<? super T, String> nameOf;
    private final Function<? super T, Cluster> mapping;
    private final List<Consumer<? super FleetChange>> listeners = new ArrayList<>();
    private Consumer<? super ObjectProblem> problems =
        problem -> LOG.log(System.Logger.Level.WARNING, "cluster object rejected: {0}", problem);
    private ScheduledExecutorService executor;
    private boolean manual;
    private Duration delay = Duration.ofMillis(50);
    private int maxBatch = 10_000;
    private int stepwiseLimit = -1;

    private Builder(Function<? super T, String> nameOf, Function<? super T, Cluster> mapping) {
      this.nameOf = Objects.requireNonNull(nameOf, "nameOf");
      this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /** Adds a listener, called with each applied batch's change (see the class comment). */
    public Builder<T> listener(Consumer<? super FleetChange> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Where rejected objects are reported; by default a {@link System.Logger} warning. */
    public Builder<T> problems(Consumer<? super ObjectProblem> sink) {
      this.problems = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Applies batches on {@code executor} (which the fleet never shuts down) instead of a thread of
     * its own: {@code delay} after the first event of a batch, or at once when {@code maxBatch}
     * objects are queued.
     *
     * @throws IllegalArgumentException when the delay is negative or {@code maxBatch} below 1
     */
    public Builder<T> batching(ScheduledExecutorService executor, Duration delay, int maxBatch) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return batching(delay, maxBatch);
    }

    /**
     * Applies batches {@code delay} after the first event of a batch, or at once when {@code
     * maxBatch} objects are queued (defaults: 50 ms, 10,000).
     *
     * @throws IllegalArgumentException when the delay is negative or {@code maxBatch} below 1
     */
    public Builder<T> batching(Duration delay, int maxBatch) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative: " + delay);
      }
      if (maxBatch < 1) {
        throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
      }
      this.delay = delay;
      this.maxBatch = maxBatch;
      this.manual = false;
      return this;
    }

    /**
     * Applies batches only when {@link LiveFleet#flush()} is called: for a controller that drives
     * the fleet from its own loop, and for deterministic tests.
     */
    public Builder<T> manualFlush() {
      this.manual = true;
      this.executor = null;
      return this;
    }

    /**
     * Up to how many cluster changes a batch applies one by one before rebuilding (tests); by
     * default the larger of 256 and an eighth of the fleet.
     */
    Builder<T> stepwiseLimit(int limit) {
      this.stepwiseLimit = limit;
      return this;
    }

    /** A live fleet, empty, with no placements registered. */
    public LiveFleet<T> build() {
      return new LiveFleet<>(this);
    }
  }
}
