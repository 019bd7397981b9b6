package io.throughline.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.web.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes the API's JSON error body from filters, which run before any controller advice could. */
@Component
class JsonErrors {

    private final ObjectMapper json;

    JsonErrors(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int status, String error, String field) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), new ApiError(error, field));
    }
}
