package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON value whose strings may hold templates: compiled once, instantiated per cluster into a
 * fresh tree (never a shared one, since later actions edit the tree in place). Object keys are not
 * templated.
 */
abstract class ValueTemplate {
  private ValueTemplate() {}

  /**
   * Compiles {@code value}.
   *
   * @throws ValidationException naming every string that does not compile
   */
  static ValueTemplate compile(JsonNode value, String fieldPath, ExpressionEnvironment cel) {
    List<Problem> problems = new ArrayList<>();
    ValueTemplate template = compile(value, fieldPath, cel, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return template;
  }

  private static ValueTemplate compile(
      JsonNode value, String path, ExpressionEnvironment cel, List<Problem> problems) {
    if (value.isTextual() && Template.hasTemplates(value.textValue())) {
      try {
        Template template = Template.compile(value.textValue(), path, cel);
        return template.isConstant()
            ? new Constant(JsonNodeFactory.instance.textNode(template.render(null, path)))
            : new Text(template);
      } catch (ValidationException e) {
        problems.addAll(e.problems());
        return new Constant(value);
      }
    }
    if (value.isObject() && containsTemplate(value)) {
      List<String> keys = new ArrayList<>();
      List<ValueTemplate> children = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        keys.add(e.getKey());
        children.add(compile(e.getValue(), path + "." + e.getKey(), cel, problems));
      }
      return new ObjectTemplate(
          keys.toArray(String[]::new), children.toArray(ValueTemplate[]::new));
    }
    if (value.isArray() && containsTemplate(value)) {
      ValueTemplate[] items = new ValueTemplate[value.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = compile(value.get(i), path + "[" + i + "]", cel, problems);
      }
      return new ArrayTemplate(items);
    }
    return new Constant(value);
  }

  private static boolean containsTemplate(JsonNode value) {
    if (value.isTextual()) {
      return Template.hasTemplates(value.textValue());
    }
    for (JsonNode child : value) {
      if (containsTemplate(child)) {
        return true;
      }
    }
    return false;
  }

  /** A fresh tree for one cluster. */
  abstract JsonNode evaluate(TemplateContext context, String target);

  /** Adds the templates' expressions. */
  abstract void addExpressions(List<CompiledExpression> out);

  private static final class Constant extends ValueTemplate {
    private final JsonNode value;

    Constant(JsonNode value) {
      this.value = value.deepCopy();
    }

    @Override
    JsonNode evaluate(TemplateContext context, String target) {
      return value.deepCopy(); // value nodes return themselves: only containers are copied
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {}
  }

  private static final class Text extends ValueTemplate {
    private final Template template;

    Text(Template template) {
      this.template = template;
    }

    @Override
    JsonNode evaluate(TemplateContext context, String target) {
      return template.evaluate(context, target);
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      template.addExpressions(out);
    }
  }

  private static final class ObjectTemplate extends ValueTemplate {
    private final String[] keys;
    private final ValueTemplate[] values;

    ObjectTemplate(String[] keys, ValueTemplate[] values) {
      this.keys = keys;
      this.values = values;
    }

    @Override
    JsonNode evaluate(TemplateContext context, String target) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < keys.length; i++) {
        out.set(keys[i], values[i].evaluate(context, target));
      }
      return out;
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      for (ValueTemplate value : values) {
        value.addExpressions(out);
      }
    }
  }

  private static final class ArrayTemplate extends ValueTemplate {
    private final ValueTemplate[] items;

    ArrayTemplate(ValueTemplate[] items) {
      this.items = items;
    }

    @Override
    JsonNode evaluate(TemplateContext context, String target) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(items.length);
      for (ValueTemplate item : items) {
        out.add(item.evaluate(context, target));
      }
      return out;
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      for (ValueTemplate item : items) {
        item.addExpressions(out);
      }
    }
  }
}
