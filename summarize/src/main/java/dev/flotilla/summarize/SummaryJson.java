package dev.flotilla.summarize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.SortDirection;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The JSON form of a partial {@link Summary}: everything merging needs, exactly (sums as decimal
 * strings, sketches as base64 of their DataSketches serialization). Reading checks every field and
 * throws {@link ValidationException} with its path; it never returns a half-read partial.
 */
final class SummaryJson {
  static final String FORMAT = "flotilla.dev/v1alpha1/SummaryPartial";
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(1000).build());
  }

  private SummaryJson() {}

  static String write(Summary s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", FORMAT);
    if (s.layout == null) {
      out.put("layout", null);
    } else {
      Layout l = s.layout;
      Map<String, Object> layout = new LinkedHashMap<>();
      layout.put("groupBy", l.groupBy());
      List<Object> aggregates = new ArrayList<>();
      for (int i = 0; i < l.aggregates().size(); i++) {
        aggregates.add(
            Map.of("name", l.aggregates().get(i), "function", l.functions().get(i).name()));
      }
      layout.put("aggregates", aggregates);
      layout.put("attention", l.attention());
      layout.put("limit", l.limit());
      layout.put("orderBy", l.directions().stream().map(Enum::name).toList());
      layout.put("fields", l.fields());
      layout.put("maxBytes", l.maxBytes());
      out.put("layout", layout);
    }
    out.put("reports", s.reports);
    out.put("matched", s.matched);
    List<Object> groups = new ArrayList<>();
    for (Summary.GroupState g : s.groups) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("key", g.key());
      group.put("count", g.count());
      List<Object> cells = new ArrayList<>();
      for (Cell cell : g.cells()) {
        cells.add(cell(cell));
      }
      group.put("cells", cells);
      groups.add(group);
    }
    out.put("groups", groups);
    Map<String, Object> attention = new LinkedHashMap<>();
    attention.put("total", s.attentionTotal);
    List<Object> items = new ArrayList<>();
    for (AttentionItem item : s.attention) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cluster", item.cluster());
      m.put("order", item.order());
      m.put("fields", item.fields());
      items.add(m);
    }
    attention.put("items", items);
    out.put("attention", attention);
    out.put("stale", Map.of("count", s.stale.count(), "examples", s.stale.examples()));
    out.put("missing", Map.of("count", s.missing.count(), "examples", s.missing.examples()));
    Map<String, Object> errors = new LinkedHashMap<>();
    s.errors.forEach(
        (column, e) -> {
          List<Object> examples = new ArrayList<>();
          e.examples()
              .forEach(x -> examples.add(Map.of("cluster", x.cluster(), "message", x.message())));
          errors.put(column, Map.of("count", e.count(), "examples", examples));
        });
    out.put("errors", errors);
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> cell(Cell cell) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nulls", cell.nulls());
    if (cell instanceof Cell.Count c) {
      m.put("count", c.count());
    } else if (cell instanceof Cell.Sum c) {
      m.put("n", c.n());
      m.put("sum", c.sum().toString());
      m.put("fractional", c.fractional());
    } else if (cell instanceof Cell.Extreme c) {
      m.put("n", c.n());
      m.put("value", c.value());
    } else if (cell instanceof Cell.Distinct c) {
      m.put("values", c.values());
      m.put("overflow", c.overflow());
    } else if (cell instanceof Cell.Quantiles c) {
      m.put("sketch", Base64.getEncoder().encodeToString(c.sketch().toByteArray()));
    }
    return m;
  }

  static Summary read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw ValidationException.at("", "cannot parse: " + e.getOriginalMessage());
    }
    Reader r = new Reader();
    r.object(root, "");
    if (!FORMAT.equals(r.text(root, "format"))) {
      throw ValidationException.at(
          "format", "Unsupported value: supported values: \"" + FORMAT + "\"");
    }
    JsonNode layoutNode = root.get("layout");
    if (layoutNode == null || layoutNode.isNull()) {
      return Summary.empty();
    }
    Layout layout = r.layout(layoutNode);
    List<Summary.GroupState> groups = new ArrayList<>();
    JsonNode groupList = r.array(root, "groups");
    for (int i = 0; i < groupList.size(); i++) {
      String path = "groups[" + i + "]";
      JsonNode g = r.object(groupList.get(i), path);
      List<Object> key = r.scalars(r.array(g, "key", path), path + ".key");
      if (key.size() != layout.groupBy().size()) {
        throw ValidationException.at(path + ".key", "Invalid value: wrong number of key values");
      }
      JsonNode cells = r.array(g, "cells", path);
      if (cells.size() != layout.functions().size()) {
        throw ValidationException.at(path + ".cells", "Invalid value: wrong number of cells");
      }
      List<Cell> parsed = new ArrayList<>();
      for (int k = 0; k < cells.size(); k++) {
        parsed.add(r.cell(cells.get(k), layout.functions().get(k), path + ".cells[" + k + "]"));
      }
      groups.add(new Summary.GroupState(key, r.count(g, "count", path), parsed));
      if (i > 0 && Values.KEY_ORDER.compare(groups.get(i - 1).key(), key) >= 0) {
        throw ValidationException.at(path + ".key", "Invalid value: groups must be sorted by key");
      }
    }
    JsonNode attention = r.object(root.get("attention"), "attention");
    List<AttentionItem> items = new ArrayList<>();
    JsonNode itemList = r.array(attention, "items", "attention");
    for (int i = 0; i < itemList.size(); i++) {
      String path = "attention.items[" + i + "]";
      JsonNode item = r.object(itemList.get(i), path);
      List<Object> order = r.scalars(r.array(item, "order", path), path + ".order");
      if (order.size() != layout.directions().size()) {
        throw ValidationException.at(path + ".order", "Invalid value: wrong number of keys");
      }
      JsonNode fields = r.object(item.get("fields"), path + ".fields");
      Map<String, Object> shown = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        shown.put(e.getKey(), r.value(e.getValue(), path + ".fields." + e.getKey()));
      }
      items.add(new AttentionItem(r.text(item, "cluster"), order, shown));
    }
    Map<String, Summary.ErrorColumn> errors = new TreeMap<>();
    JsonNode errorMap = r.object(root.get("errors"), "errors");
    Iterator<Map.Entry<String, JsonNode>> it = errorMap.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "errors[" + e.getKey() + "]";
      JsonNode column = r.object(e.getValue(), path);
      List<Summary.Example> examples = new ArrayList<>();
      JsonNode list = r.array(column, "examples", path);
      for (int i = 0; i < list.size(); i++) {
        JsonNode x = r.object(list.get(i), path + ".examples[" + i + "]");
        examples.add(new Summary.Example(r.text(x, "cluster"), r.text(x, "message")));
      }
      errors.put(e.getKey(), new Summary.ErrorColumn(r.count(column, "count", path), examples));
    }
    return new Summary(
        layout,
        r.count(root, "reports", ""),
        r.count(root, "matched", ""),
        groups,
        r.count(attention, "total", "attention"),
        items,
        r.capped(root, "stale"),
        r.capped(root, "missing"),
        errors);
  }

  /** Typed accessors that throw with the field path. */
  private static final class Reader {
    JsonNode object(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        throw ValidationException.at(path, "wrong type: expected object");
      }
      return node;
    }

    JsonNode array(JsonNode parent, String field) {
      return array(parent, field, "");
    }

    JsonNode array(JsonNode parent, String field, String path) {
      JsonNode node = parent.get(field);
      if (node == null || !node.isArray()) {
        throw ValidationException.at(join(path, field), "wrong type: expected list");
      }
      return node;
    }

    String text(JsonNode parent, String field) {
      JsonNode node = parent.get(field);
      if (node == null || !node.isTextual()) {
        throw ValidationException.at(field, "wrong type: expected string");
      }
      return node.textValue();
    }

    long count(JsonNode parent, String field, String path) {
      JsonNode node = parent.get(field);
      if (node == null
          || !node.canConvertToLong()
          || !node.isIntegralNumber()
          || node.longValue() < 0) {
        throw ValidationException.at(join(path, field), "wrong type: expected a count");
      }
      return node.longValue();
    }

    boolean bool(JsonNode parent, String field, String path) {
      JsonNode node = parent.get(field);
      if (node == null || !node.isBoolean()) {
        throw ValidationException.at(join(path, field), "wrong type: expected boolean");
      }
      return node.booleanValue();
    }

    List<String> texts(JsonNode list, String path) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (!list.get(i).isTextual()) {
          throw ValidationException.at(path + "[" + i + "]", "wrong type: expected string");
        }
        out.add(list.get(i).textValue());
      }
      return out;
    }

    Layout layout(JsonNode node) {
      object(node, "layout");
      List<String> names = new ArrayList<>();
      List<AggregateFunction> functions = new ArrayList<>();
      JsonNode aggregates = array(node, "aggregates", "layout");
      for (int i = 0; i < aggregates.size(); i++) {
        JsonNode a = object(aggregates.get(i), "layout.aggregates[" + i + "]");
        names.add(text(a, "name"));
        functions.add(
            enumValue(
                AggregateFunction.class,
                text(a, "function"),
                "layout.aggregates[" + i + "].function"));
      }
      List<SortDirection> directions = new ArrayList<>();
      for (String d : texts(array(node, "orderBy", "layout"), "layout.orderBy")) {
        directions.add(enumValue(SortDirection.class, d, "layout.orderBy"));
      }
      return new Layout(
          texts(array(node, "groupBy", "layout"), "layout.groupBy"),
          names,
          functions,
          bool(node, "attention", "layout"),
          (int) Math.min(Integer.MAX_VALUE, count(node, "limit", "layout")),
          directions,
          texts(array(node, "fields", "layout"), "layout.fields"),
          (int) Math.min(Integer.MAX_VALUE, count(node, "maxBytes", "layout")));
    }

    Summary.Capped capped(JsonNode root, String field) {
      JsonNode node = object(root.get(field), field);
      return new Summary.Capped(
          count(node, "count", field), texts(array(node, "examples", field), field + ".examples"));
    }

    Cell cell(JsonNode node, AggregateFunction function, String path) {
      object(node, path);
      long nulls = count(node, "nulls", path);
      switch (function) {
        case Count:
          return new Cell.Count(count(node, "count", path), nulls);
        case Sum:
        case Avg:
          {
            BigDecimal sum;
            try {
              sum = new BigDecimal(text(node, "sum"));
            } catch (NumberFormatException e) {
              throw ValidationException.at(path + ".sum", "Invalid value: not a decimal");
            }
            return new Cell.Sum(
                count(node, "n", path), nulls, sum, count(node, "fractional", path));
          }
        case Min:
        case Max:
          return new Cell.Extreme(
              function == AggregateFunction.Max,
              count(node, "n", path),
              nulls,
              scalar(node.get("value"), path + ".value"));
        case CountDistinct:
          {
            List<Object> values = scalars(array(node, "values", path), path + ".values");
            for (int i = 1; i < values.size(); i++) {
              if (values.get(i - 1) == null
                  || Values.compare(values.get(i - 1), values.get(i)) >= 0) {
                throw ValidationException.at(
                    path + ".values", "Invalid value: not sorted and distinct");
              }
            }
            return new Cell.Distinct(nulls, values, bool(node, "overflow", path));
          }
        default:
          try {
            byte[] bytes = Base64.getDecoder().decode(text(node, "sketch"));
            return new Cell.Quantiles(nulls, KllDoublesSketch.heapify(Memory.wrap(bytes)));
          } catch (RuntimeException e) {
            throw ValidationException.at(
                path + ".sketch", "Invalid value: not a KLL sketch: " + e.getMessage());
          }
      }
    }

    List<Object> scalars(JsonNode list, String path) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(scalar(list.get(i), path + "[" + i + "]"));
      }
      return out;
    }

    Object scalar(JsonNode node, String path) {
      Object v = value(node, path);
      if (v instanceof List<?> || v instanceof Map<?, ?>) {
        throw ValidationException.at(path, "wrong type: expected a scalar");
      }
      return v;
    }

    Object value(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isTextual()) {
        return node.textValue();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      if (node.isIntegralNumber() && node.canConvertToLong()) {
        return node.longValue();
      }
      if (node.isNumber()) {
        try {
          return Values.ofDouble(node.doubleValue());
        } catch (Values.Invalid e) {
          throw ValidationException.at(path, "Invalid value: " + e.getMessage());
        }
      }
      if (node.isArray()) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
          out.add(value(node.get(i), path + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
      }
      if (node.isObject()) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          out.put(e.getKey(), value(e.getValue(), path + "." + e.getKey()));
        }
        return Collections.unmodifiableMap(out);
      }
      throw ValidationException.at(path, "wrong type: unsupported JSON value");
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String text, String path) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(text)) {
          return e;
        }
      }
      throw ValidationException.at(path, "Unsupported value: \"" + text + "\"");
    }

    private static String join(String path, String field) {
      return path.isEmpty() ? field : path + "." + field;
    }
  }
}
