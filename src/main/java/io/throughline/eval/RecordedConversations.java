package io.throughline.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.throughline.eval.RecordedConversation.AgentAction;
import io.throughline.eval.RecordedConversation.Turn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and writes recorded conversations as JSONL: one conversation per line, blank lines ignored. */
public final class RecordedConversations {

    private static final Set<String> OUTCOMES = Set.of("reply", "hand-back", "resolve");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private RecordedConversations() {
    }

    /** Every conversation in the file; a line that is not a valid conversation fails with {@code file:line: why}. */
    public static List<RecordedConversation> read(Path file) {
        List<RecordedConversation> conversations = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                RecordedConversation conversation = parse(line, file, number);
                Integer earlier = lineOfId.putIfAbsent(conversation.id(), number);
                if (earlier != null) {
                    throw new InvalidRecordingException(file, number, "id '" + conversation.id()
                            + "' is used on line " + earlier + " already; every conversation needs an id of its own");
                }
                conversations.add(conversation);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return conversations;
    }

    public static void write(List<RecordedConversation> conversations, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (RecordedConversation conversation : conversations) {
                    out.write(JSON.writeValueAsString(conversation));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static RecordedConversation parse(String line, Path file, int number) {
        JsonNode tree;
        try {
            tree = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().split("\n| \\(", 2)[0];
            throw new InvalidRecordingException(file, number, "not valid JSON: " + problem
                    + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"));
        }
        if (!tree.isObject()) {
            throw new InvalidRecordingException(file, number, "not a JSON object: a line holds one conversation, "
                    + "{\"id\": ..., \"turns\": [...]}");
        }
        RecordedConversation conversation;
        try {
            conversation = JSON.treeToValue(tree, RecordedConversation.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRecordingException(file, number, "unknown field '" + e.getPropertyName() + "'"
                    + where(e) + "; known: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().split("\n| \\(", 2)[0];
            throw new InvalidRecordingException(file, number, problem
                    + (e instanceof JsonMappingException mapping ? where(mapping) : ""));
        }
        check(conversation, file, number);
        return conversation;
    }

    private static void check(RecordedConversation conversation, Path file, int number) {
        if (conversation.id() == null || conversation.id().isBlank()) {
            throw new InvalidRecordingException(file, number, "the conversation has no \"id\"");
        }
        if (conversation.turns().isEmpty()) {
            throw new InvalidRecordingException(file, number, "conversation " + conversation.id()
                    + " has no \"turns\": it needs at least one customer message");
        }
        for (int i = 0; i < conversation.turns().size(); i++) {
            Turn turn = conversation.turns().get(i);
            String which = "turn " + (i + 1) + " of conversation " + conversation.id();
            if (turn == null || turn.message() == null) {
                throw new InvalidRecordingException(file, number, which + " has no \"message\"");
            }
            if (turn.message().channel() == null || turn.message().channel().isBlank()) {
                throw new InvalidRecordingException(file, number, which + ": the message has no \"channel\"");
            }
            if (turn.message().text() == null || turn.message().text().isBlank()) {
                throw new InvalidRecordingException(file, number, which + ": the message has no \"text\"");
            }
            AgentAction agent = turn.agent();
            if (agent != null && agent.outcome() != null && !OUTCOMES.contains(agent.outcome())) {
                throw new InvalidRecordingException(file, number, which + ": agent outcome '" + agent.outcome()
                        + "' is none of reply, hand-back, resolve");
            }
        }
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "" : " (at " + path.substring(path.startsWith(".") ? 1 : 0) + ")";
    }
}
