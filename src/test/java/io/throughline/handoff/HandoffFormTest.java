package io.throughline.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.handoff.AgentAnswer.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code forms/handoff.form} and the Java side agree: every context variable the task gets is a read-only field, and the
 * agent can write exactly {@code reply}, {@code note} and {@code outcome}, as DESIGN.md's contract says.
 */
class HandoffFormTest {

    private static final Path FORM = Path.of("forms", "handoff.form");

    private final JsonNode form = read();
    private final List<JsonNode> fields = StreamSupport.stream(form.path("components").spliterator(), false)
            .filter(c -> c.hasNonNull("key")).toList();

    @Test
    void everyContextVariableIsAReadOnlyField() {
        assertThat(keys(true)).containsExactlyInAnyOrderElementsOf(HandoffContext.KEYS);
    }

    @Test
    void theAgentWritesExactlyReplyNoteAndOutcome() {
        assertThat(keys(false)).containsExactlyInAnyOrder("reply", "note", "outcome");
    }

    @Test
    void theReplyStartsEmptyAndTheSuggestionSitsRightAboveIt() {
        JsonNode reply = field("reply");
        assertThat(reply.has("defaultValue")).as("every task starts with reply empty (DESIGN.md)").isFalse();
        assertThat(reply.path("validate").path("maxLength").asInt()).isEqualTo(AgentAnswer.MAX_LENGTH);
        assertThat(field("note").path("validate").path("maxLength").asInt()).isEqualTo(AgentAnswer.MAX_LENGTH);
        assertThat(fields.indexOf(field("suggestedReply"))).isEqualTo(fields.indexOf(reply) - 1);
        assertThat(field("suggestedReply").path("conditional").path("hide").asText())
                .as("no empty box when there is nothing to suggest").contains("suggestedReply");
    }

    @Test
    void theOutcomesAreTheContractsWithReplyChosen() {
        JsonNode outcome = field("outcome");
        assertThat(outcome.path("defaultValue").asText()).isEqualTo("reply");
        assertThat(StreamSupport.stream(outcome.path("values").spliterator(), false).map(v -> v.path("value").asText()))
                .containsExactlyElementsOf(Arrays.stream(Outcome.values()).map(Outcome::key).toList());
    }

    @Test
    void idsAndKeysAreUniqueAndEveryTypeIsOneTasklistRenders() {
        List<String> ids = new ArrayList<>();
        form.path("components").forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
        assertThat(fields.stream().map(f -> f.path("key").asText())).doesNotHaveDuplicates();
        form.path("components").forEach(c -> assertThat(c.path("type").asText())
                .isIn("text", "textfield", "textarea", "radio", "select", "checkbox"));
        assertThat(form.path("schemaVersion").asInt()).as("what Tasklist 7.24's form-js reads").isLessThanOrEqualTo(16);
    }

    private List<String> keys(boolean readOnly) {
        return fields.stream().filter(f -> f.path("readonly").asBoolean(false) == readOnly)
                .map(f -> f.path("key").asText()).toList();
    }

    private JsonNode field(String key) {
        return fields.stream().filter(f -> key.equals(f.path("key").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(FORM + " has no field with key " + key));
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(FORM.toFile());
        } catch (IOException e) {
            throw new AssertionError(FORM + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
