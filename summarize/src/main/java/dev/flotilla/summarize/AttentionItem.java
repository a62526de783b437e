package dev.flotilla.summarize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One report of the attention list: its sort keys (scalars or nulls) and its fields. */
record AttentionItem(String cluster, List<Object> order, Map<String, Object> fields) {
  AttentionItem {
    order = Collections.unmodifiableList(new java.util.ArrayList<>(order));
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
