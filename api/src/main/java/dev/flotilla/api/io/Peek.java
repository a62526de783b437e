package dev.flotilla.api.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/** What the beginning of an input says it holds: the choice of reader for {@link FileContents}. */
record Peek(String kind, String written, Node.Location kindAt) {
  static final String REPORTS = "<reports>";
  static final String MANIFESTS = "<manifests>";
  static final String INVENTORY = "<inventory>";
  static final String UNKNOWN_FLOTILLA_KIND = "<unknown>";
  static final String DECISION = "<decision>";
  private static final String DECISION_KIND = "PlacementDecision";
  private static final Set<String> DECISION_GROUPS =
      Set.of("flotilla.dev/", "cluster.open-cluster-management.io/");
  private static final Set<String> CLUSTER_KINDS =
      Set.of(
          "Cluster",
          "ManagedCluster",
          "MemberCluster",
          "InternalMemberCluster",
          "ClusterInventory");
  private static final Set<String> POLICIES =
      Set.of("Placement", "Customization", "StatusSummary", "ClusterObjectMapping");

  /** Peeks at {@code in}, reading at most {@code bytes}; a failure to parse is no answer. */
  static Peek of(String source, InputStream in, int bytes) {
    Peek none = new Peek(INVENTORY, "", Node.Location.UNKNOWN);
    Prefix prefix = new Prefix(in, bytes);
    try (SourceReader reader = SourceReader.open(source, prefix)) {
      if (!reader.nextDocument()) {
        // empty, unless the document starts past what was looked at (a long comment, say)
        return prefix.left > 0 ? new Peek("", "", Node.Location.UNKNOWN) : none;
      }
      return of(reader.parser(), reader.token());
    } catch (IOException | RuntimeException e) {
      return none; // the reader chosen by default reports it, located
    }
  }

  private static Peek of(JsonParser parser, JsonToken first) throws IOException {
    if (first == JsonToken.START_ARRAY) {
      JsonToken item = parser.nextToken();
      if (item == JsonToken.START_OBJECT) {
        Fields fields = Fields.read(parser);
        return fields.cluster && fields.kind == null ? of(REPORTS) : of(MANIFESTS);
      }
      return of(MANIFESTS);
    }
    if (first != JsonToken.START_OBJECT) {
      return of(INVENTORY); // the inventory reader says what is wrong
    }
    Fields fields = Fields.read(parser);
    if (fields.firstItemKind != null && (fields.kind == null || fields.kind.endsWith("List"))) {
      // kubectl writes "items" before "kind": the first item tells what the list holds
      if (fields.firstItemKind.equals(DECISION_KIND)) {
        return of(DECISION);
      }
      return of(CLUSTER_KINDS.contains(fields.firstItemKind) ? INVENTORY : MANIFESTS);
    }
    if (fields.kind == null) {
      return of(fields.cluster ? REPORTS : INVENTORY);
    }
    String kind = fields.kind;
    if (POLICIES.contains(kind)) {
      return of(kind);
    }
    if (fields.apiVersion != null && PeerPolicies.isPlacement(fields.apiVersion, kind)) {
      return of("Placement");
    }
    if (fields.apiVersion != null && PeerPolicies.isCustomization(fields.apiVersion, kind)) {
      return of("Customization");
    }
    if (kind.equals(DECISION_KIND)
        && fields.apiVersion != null
        && DECISION_GROUPS.stream().anyMatch(fields.apiVersion::startsWith)) {
      return of(DECISION);
    }
    if (fields.apiVersion != null
        && fields.apiVersion.startsWith("flotilla.dev/")
        && !FileContents.FLOTILLA_KINDS.contains(kind)) {
      return new Peek(UNKNOWN_FLOTILLA_KIND, kind, fields.kindAt);
    }
    if (CLUSTER_KINDS.contains(kind) || (kind.endsWith("List") && !kind.equals("List"))) {
      return of(INVENTORY);
    }
    if (kind.equals("List")) {
      return fields.firstItemKind == null || CLUSTER_KINDS.contains(fields.firstItemKind)
          ? of(INVENTORY)
          : of(MANIFESTS);
    }
    return of(MANIFESTS);
  }

  private static Peek of(String kind) {
    return new Peek(kind, "", Node.Location.UNKNOWN);
  }

  /** The fields of a mapping that tell its kind; the parser is left inside it. */
  static final class Fields {
    String kind;
    String apiVersion;
    Node.Location kindAt = Node.Location.UNKNOWN;
    boolean cluster;
    String firstItemKind;

    private Fields() {}

    static Fields read(JsonParser parser) throws IOException {
      Fields fields = new Fields();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("kind") && value == JsonToken.VALUE_STRING) {
          fields.kind = parser.getText();
          fields.kindAt = SourceReader.locate(parser.currentTokenLocation());
        } else if (name.equals("apiVersion") && value == JsonToken.VALUE_STRING) {
          fields.apiVersion = parser.getText();
        } else if (name.equals("cluster")) {
          fields.cluster = true;
          parser.skipChildren();
        } else if (name.equals("items")
            && value == JsonToken.START_ARRAY
            && parser.nextToken() == JsonToken.START_OBJECT) {
          fields.firstItemKind = read(parser).kind;
          return fields; // enough: the rest of the list is not needed to tell the kind
        } else {
          parser.skipChildren();
        }
        if (fields.kind != null && fields.apiVersion != null && !fields.kind.equals("List")) {
          return fields;
        }
      }
      return fields;
    }
  }

  /** The first bytes of a stream, which it leaves open. */
  static final class Prefix extends FilterInputStream {
    private long left;

    Prefix(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the caller reads the stream again
    }
  }
}
