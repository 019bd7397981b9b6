package io.throughline.journey;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Camunda Form ({@code forms/*.form}) the way Tasklist will need it: JSON, a form id, components with a known
 * type, unique ids, a key for every input, values for every choice. Each problem names the file and the line of the
 * component at fault, as {@code forms/handoff.form:42:5: message}.
 */
final class FormCheck {

    private static final Set<String> TYPES = Set.of("text", "html", "image", "spacer", "separator", "group",
            "dynamiclist", "iframe", "table", "expression", "button", "textfield", "textarea", "number", "datetime",
            "checkbox", "checklist", "radio", "select", "taglist", "filepicker", "documentPreview");
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "filepicker", "expression");
    private static final Set<String> CHOICES = Set.of("checklist", "radio", "select", "taglist");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Integer> keys = new HashMap<>();

    private FormCheck(Path file) {
        this.file = file;
    }

    static List<String> problems(Path file) {
        FormCheck check = new FormCheck(file);
        check.run();
        return check.problems;
    }

    private void run() {
        Node form;
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                problem(1, 1, "the form is empty; a Camunda Form is a JSON object with \"components\"");
                return;
            }
            form = Node.read(parser);
            if (parser.nextToken() != null) {
                problem(parser.currentTokenLocation().getLineNr(), parser.currentTokenLocation().getColumnNr(),
                        "more after the end of the form's JSON object");
            }
        } catch (JsonProcessingException e) {
            problem(e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 1 : e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
            return;
        } catch (IOException e) {
            problem(1, 1, "cannot be read: " + e.getMessage());
            return;
        }
        if (!(form.value instanceof Map<?, ?> root)) {
            problem(form.line, form.column, "a Camunda Form is a JSON object with \"components\"");
            return;
        }
        if (!(text(root.get("id")) instanceof String)) {
            problem(form.line, form.column, "the form has no \"id\" (Camunda Modeler writes one; a formRef needs it)");
        }
        Node components = (Node) root.get("components");
        if (components == null || !(components.value instanceof List<?>)) {
            problem(form.line, form.column, "the form has no \"components\" list");
            return;
        }
        checkComponents(components, false);
    }

    private void checkComponents(Node components, boolean inList) {
        if (!(components.value instanceof List<?> list)) {
            problem(components.line, components.column, "\"components\" must be a list");
            return;
        }
        for (Object item : list) {
            checkComponent((Node) item, inList);
        }
    }

    private void checkComponent(Node node, boolean inList) {
        if (!(node.value instanceof Map<?, ?> component)) {
            problem(node.line, node.column, "a component must be a JSON object");
            return;
        }
        String type = text(component.get("type"));
        String id = text(component.get("id"));
        String key = text(component.get("key"));
        String name = "component" + (id == null ? "" : " " + id);
        if (type == null) {
            problem(node.line, node.column, name + " has no \"type\"");
        } else if (!TYPES.contains(type)) {
            problem(node.line, node.column, name + " has the unknown type \"" + type + "\"; known: "
                    + String.join(", ", TYPES.stream().sorted().toList()));
        }
        if (id != null && ids.putIfAbsent(id, node.line) != null) {
            problem(node.line, node.column, "the id \"" + id + "\" is used twice (first on line " + ids.get(id) + ")");
        }
        if (type != null && INPUTS.contains(type)) {
            if (key == null || key.isBlank()) {
                problem(node.line, node.column, name + " (" + type + ") has no \"key\": the variable it shows and sets");
            } else if (!inList && keys.putIfAbsent(key, node.line) != null) {
                problem(node.line, node.column, "the key \"" + key + "\" is used twice (first on line " + keys.get(key)
                        + "): both fields would write one variable");
            }
        }
        if (type != null && CHOICES.contains(type) && component.get("valuesKey") == null
                && component.get("valuesExpression") == null) {
            checkValues(name, node, (Node) component.get("values"));
        }
        if (component.get("components") instanceof Node children) {
            checkComponents(children, inList || "dynamiclist".equals(type));
        }
    }

    private void checkValues(String name, Node component, Node values) {
        if (values == null || !(values.value instanceof List<?> list) || list.isEmpty()) {
            problem(component.line, component.column, name + " offers no \"values\" (nor a valuesKey or valuesExpression)");
            return;
        }
        for (Object item : list) {
            Node value = (Node) item;
            if (!(value.value instanceof Map<?, ?> entry) || text(entry.get("value")) == null) {
                problem(value.line, value.column, name + ": every value needs a \"value\" (and a \"label\")");
            }
        }
    }

    private void problem(int line, int column, String message) {
        problems.add(file + ":" + line + ":" + column + ": " + message);
    }

    /** A JSON scalar as text, or null for anything else. */
    private static String text(Object node) {
        return node instanceof Node n && n.value != null && !(n.value instanceof Map || n.value instanceof List)
                ? String.valueOf(n.value) : null;
    }

    /** A JSON value with the line and column it starts at: Jackson's trees forget where they came from. */
    private record Node(Object value, int line, int column) {

        /** Reads the value at the parser's current token: maps and lists hold Nodes. */
        static Node read(JsonParser parser) throws IOException {
            int line = parser.currentTokenLocation().getLineNr();
            int column = parser.currentTokenLocation().getColumnNr();
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                Map<String, Node> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    fields.put(field, read(parser));
                }
                return new Node(fields, line, column);
            }
            if (token == JsonToken.START_ARRAY) {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new Node(items, line, column);
            }
            return new Node(token == JsonToken.VALUE_NULL ? null : parser.getText(), line, column);
        }
    }
}
