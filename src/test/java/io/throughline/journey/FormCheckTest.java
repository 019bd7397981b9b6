package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A form Tasklist could not use is named with file and line before it is deployed. */
class FormCheckTest {

    @TempDir
    Path dir;

    @Test
    void theShippedHandoffFormIsValid() {
        assertThat(FormCheck.problems(Path.of("forms", "handoff.form"))).isEmpty();
    }

    @Test
    void brokenJsonNamesLineAndColumn() throws IOException {
        Path form = write("""
                {
                  "id": "x",
                  "components": [
                    { "type": "textfield", "key": "a" }
                    { "type": "textfield", "key": "b" }
                  ]
                }
                """);

        assertThat(FormCheck.problems(form)).singleElement().asString()
                .startsWith(form + ":5:5: not valid JSON: ");
    }

    @Test
    void eachBrokenComponentIsNamedAtItsLine() throws IOException {
        Path form = write("""
                {
                  "id": "x",
                  "type": "default",
                  "components": [
                    { "type": "textfield", "id": "Field_a", "key": "reply" },
                    { "type": "textarea", "id": "Field_b" },
                    { "type": "textbox", "id": "Field_c", "key": "c" },
                    { "type": "textfield", "id": "Field_a", "key": "reply" },
                    { "type": "radio", "id": "Field_e", "key": "outcome" },
                    { "type": "select", "id": "Field_f", "key": "f", "values": [ { "label": "no value" } ] },
                    { "id": "Field_g" }
                  ]
                }
                """);

        List<String> problems = FormCheck.problems(form);

        assertThat(problems).containsExactly(
                form + ":6:5: component Field_b (textarea) has no \"key\": the variable it shows and sets",
                form + ":7:5: component Field_c has the unknown type \"textbox\"; known: button, checkbox, checklist, "
                        + "datetime, documentPreview, dynamiclist, expression, filepicker, group, html, iframe, image, "
                        + "number, radio, select, separator, spacer, table, taglist, text, textarea, textfield",
                form + ":8:5: the id \"Field_a\" is used twice (first on line 5)",
                form + ":8:5: the key \"reply\" is used twice (first on line 5): both fields would write one variable",
                form + ":9:5: component Field_e offers no \"values\" (nor a valuesKey or valuesExpression)",
                form + ":10:66: component Field_f: every value needs a \"value\" (and a \"label\")",
                form + ":11:5: component Field_g has no \"type\"");
    }

    @Test
    void componentsInsideGroupsAreCheckedAndDynamicListsMayRepeatKeys() throws IOException {
        Path form = write("""
                {
                  "id": "x",
                  "components": [
                    { "type": "textfield", "key": "name" },
                    { "type": "group", "components": [ { "type": "number" } ] },
                    { "type": "dynamiclist", "path": "items", "components": [ { "type": "textfield", "key": "name" } ] }
                  ]
                }
                """);

        assertThat(FormCheck.problems(form)).containsExactly(
                form + ":5:40: component (number) has no \"key\": the variable it shows and sets");
    }

    @Test
    void aFormNeedsAnIdAndComponents() throws IOException {
        Path noId = write("{ \"components\": [] }");
        Path noComponents = write("{ \"id\": \"x\" }");
        Path empty = write("");
        Path list = write("[]");

        assertThat(FormCheck.problems(noId)).singleElement().asString().contains(":1:1: the form has no \"id\"");
        assertThat(FormCheck.problems(noComponents)).singleElement().asString()
                .contains(":1:1: the form has no \"components\" list");
        assertThat(FormCheck.problems(empty)).singleElement().asString().contains(":1:1: the form is empty");
        assertThat(FormCheck.problems(list)).singleElement().asString().contains("a JSON object with \"components\"");
    }

    @Test
    void aProcessReferringToAFormThatIsNotThereIsNamedAtItsLine() throws IOException {
        Path process = dir.resolve("journey.bpmn");
        Files.writeString(process, """
                <bpmn:definitions>
                  <bpmn:userTask id="a" camunda:formKey="camunda-forms:deployment:handoff.form" />
                  <bpmn:userTask id="b" camunda:formKey="camunda-forms:deployment:missing.form" />
                </bpmn:definitions>
                """);

        assertThat(FormReferences.problems(List.of(process), List.of(Path.of("forms", "handoff.form")), Path.of("forms")))
                .containsExactly(process + ":3:42: the form missing.form is not in forms (forms there: handoff.form)");
    }

    private Path write(String json) throws IOException {
        Path form = Files.createTempFile(dir, "form", ".form");
        Files.writeString(form, json);
        return form;
    }
}
