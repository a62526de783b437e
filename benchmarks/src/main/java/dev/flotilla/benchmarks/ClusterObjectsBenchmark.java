package dev.flotilla.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.kube.ClusterObjects;
import dev.flotilla.api.kube.MappedClusters;
import dev.flotilla.benchmarks.state.ClusterObjectsState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mapping 100,000 OCM {@code ManagedCluster}s held in memory to clusters, four ways in the same
 * run: {@link ClusterObjects#toClusters} over maps ({@code fromMap}) and over Jackson trees ({@code
 * fromJsonNode}), against the baselines a controller had before, writing the objects as a {@code
 * List} to JSON ({@code throughJsonText}) or YAML ({@code throughYamlText}) and reading that with
 * {@link InventoryReader}. Each returns the clusters so JMH keeps them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ClusterObjectsBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ClusterObjects OBJECTS = ClusterObjects.standard();

  @Benchmark
  public MappedClusters fromMap(ClusterObjectsState state) {
    return OBJECTS.toClusters(state.maps);
  }

  @Benchmark
  public MappedClusters fromJsonNode(ClusterObjectsState state) {
    return OBJECTS.toClusters(state.nodes);
  }

  @Benchmark
  public List<Cluster> throughJsonText(ClusterObjectsState state) throws JsonProcessingException {
    String text = JSON.writeValueAsString(list(state));
    return InventoryReader.read("managedclusters.json", text);
  }

  @Benchmark
  public List<Cluster> throughYamlText(ClusterObjectsState state) throws JsonProcessingException {
    String text = YAML.writeValueAsString(list(state));
    return InventoryReader.read("managedclusters.yaml", text);
  }

  private static Map<String, Object> list(ClusterObjectsState state) {
    return Map.of("apiVersion", "v1", "kind", "List", "items", state.maps);
  }
}
