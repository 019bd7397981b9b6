package io.throughline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.eval.RecordedConversation.AgentAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedConversationsTest {

    private static final String SHIPPING = """
            {"id":"a","turns":[{"message":{"channel":"webchat","text":"How long does shipping take?"}}]}""";

    @TempDir
    Path dir;

    @Test
    void theDemoSetReadsAndEveryConversationIsRecorded() {
        List<RecordedConversation> demo = RecordedConversations.read(Path.of("eval/conversations/demo.jsonl"));

        assertThat(demo).hasSizeBetween(20, 40).allMatch(RecordedConversation::recorded);
        assertThat(demo.stream().flatMap(c -> c.turns().stream()).map(t -> t.message().channel()).distinct())
                .contains("webchat", "email", "whatsapp", "sms", "telegram", "slack", "messenger", "instagram");
    }

    @Test
    void aScriptNeedsOnlyMessagesAndWritesBackAsItWasRead() throws IOException {
        Path file = write(SHIPPING, "", """
                {"id":"b","customer":{"attributes":{"plan":"vip"},"identities":["phone"]},"turns":[
                {"message":{"channel":"whatsapp","text":"I want a person","at":"2025-06-02T09:30:00Z"},
                "agent":{"reply":"Hi, Maria here.","outcome":"resolve"}}]}""".replace("\n", ""));

        List<RecordedConversation> read = RecordedConversations.read(file);
        Path copy = dir.resolve("copy.jsonl");
        RecordedConversations.write(read, copy);

        assertThat(read).extracting(RecordedConversation::id).containsExactly("a", "b");
        assertThat(read.get(0).recorded()).isFalse();
        assertThat(read.get(1).customer().attributes()).containsEntry("plan", "vip");
        assertThat(read.get(1).turns().get(0).agent()).isEqualTo(new AgentAction("Hi, Maria here.", "resolve", null));
        assertThat(RecordedConversations.read(copy)).isEqualTo(read);
    }

    @Test
    void aMalformedLineIsNamedByFileAndLine() throws IOException {
        Path file = write(SHIPPING, "", "{\"id\":\"b\",\"turns\":[{\"message\":{\"channel\":\"webchat\",\"text\":\"Hi\"}}");

        assertThatThrownBy(() -> RecordedConversations.read(file))
                .isInstanceOf(InvalidRecordingException.class)
                .hasMessageStartingWith(file + ":3: not valid JSON: Unexpected end-of-input");
        assertThatThrownBy(() -> RecordedConversations.read(write("[1, 2]")))
                .hasMessageEndingWith(":1: not a JSON object: a line holds one conversation, {\"id\": ..., \"turns\": [...]}");
    }

    @Test
    void aLineThatIsJsonButNoConversationIsNamedWithWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> RecordedConversations.read(write(SHIPPING,
                "{\"id\":\"b\",\"turns\":[{\"mesage\":{\"channel\":\"webchat\",\"text\":\"Hi\"}}]}")))
                .hasMessageContaining(":2: unknown field 'mesage' (at turns[0].mesage); known: agent, decisions");
        assertThatThrownBy(() -> RecordedConversations.read(write(
                "{\"id\":\"c\",\"turns\":[{\"message\":{\"channel\":\"sms\",\"text\":\" \"}}]}")))
                .hasMessageContaining(":1: turn 1 of conversation c: the message has no \"text\"");
        assertThatThrownBy(() -> RecordedConversations.read(write(
                "{\"id\":\"d\",\"turns\":[{\"message\":{\"channel\":\"sms\",\"text\":\"Hi\"},\"agent\":{\"outcome\":\"close\"}}]}")))
                .hasMessageContaining(":1: turn 1 of conversation d: agent outcome 'close' is none of reply, hand-back, resolve");
        assertThatThrownBy(() -> RecordedConversations.read(write("{\"turns\":[]}")))
                .hasMessageContaining(":1: the conversation has no \"id\"");
        assertThatThrownBy(() -> RecordedConversations.read(write(SHIPPING, SHIPPING)))
                .hasMessageContaining(":2: id 'a' is used on line 1 already");
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "conversations", ".jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
