package io.throughline.channel.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.web.ApiException;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/** Reads a verified webhook body; whatever is missing or malformed is a 400 that names the field by its path. */
public final class Payload {

    private Payload() {
    }

    public static JsonNode read(ObjectMapper json, byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw malformed("the body must be a JSON object", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed("the body is not JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw malformed("the body could not be read", null);
        }
    }

    /** A required, non-blank text (or number, as some ids come) field. */
    public static String text(JsonNode parent, String field, String path) {
        JsonNode value = parent.path(field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw malformed(at(path, field) + " is required", at(path, field));
        }
        return value.asText();
    }

    /** A required array. */
    public static JsonNode array(JsonNode parent, String field, String path) {
        JsonNode value = parent.path(field);
        if (!value.isArray()) {
            throw malformed(at(path, field) + " must be an array", at(path, field));
        }
        return value;
    }

    /** A required object. */
    public static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode value = parent.path(field);
        if (!value.isObject()) {
            throw malformed(at(path, field) + " must be an object", at(path, field));
        }
        return value;
    }

    public static String at(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }

    public static String at(String path, String field, int index) {
        return at(path, field) + "[" + index + "]";
    }

    public static ApiException malformed(String message, String field) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, field);
    }
}
