package io.throughline.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.throughline.channel.SendRefused;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Posts JSON to Meta's Graph API ({@code https://graph.facebook.com/{version}/...}) with a timeout. Anything but a 2xx
 * throws, so the journey's send job is retried and ends in an incident; the error names Meta's code and message
 * ({@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}).
 */
public final class GraphApi {

    private final String name;
    private final String host;
    private final RestClient rest;
    private final ObjectMapper json;

    /**
     * @param name    how errors name the API, e.g. "WhatsApp Cloud API"
     * @param baseUrl the API's base URL (Meta's, or a local stand-in in tests)
     */
    public GraphApi(String name, RestClient.Builder builder, ObjectMapper json, String baseUrl, Duration timeout) {
        this.name = name;
        this.json = json;
        URI base = URI.create(baseUrl);
        this.host = base.getScheme() + "://" + base.getAuthority();
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        this.rest = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
    }

    /** POSTs the body as JSON and returns the response's JSON (a missing node when it has none). */
    public JsonNode post(String uriTemplate, Map<String, ?> uriVariables, Consumer<HttpHeaders> headers, Object body) {
        try {
            JsonNode answer = rest.post().uri(uriTemplate, uriVariables).headers(headers)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        int status = response.getStatusCode().value();
                        String refusal = name + " answered " + status + ": " + describe(response.getBody());
                        // an invalid recipient or a closed window stays so; a 5xx or 429 is worth another try
                        throw SendRefused.isPermanent(status) ? new SendRefused(refusal) : new GraphApiException(status, refusal);
                    })
                    .body(JsonNode.class);
            return answer == null ? MissingNode.getInstance() : answer;
        } catch (GraphApiException e) {
            throw e;
        } catch (RestClientException e) {
            // the exception's own message names the URL, and with it a token passed as a query parameter
            Throwable root = rootCause(e);
            throw new GraphApiException("could not reach the " + name + " at " + host + ": "
                    + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage()), null);
        }
    }

    private String describe(InputStream body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.isMissingNode()) {
                return "no Graph API error in the response";
            }
            String details = error.path("error_data").path("details").asText("");
            return error.path("message").asText("(no message)") + " (code " + error.path("code").asText("?")
                    + (error.hasNonNull("error_subcode") ? ", subcode " + error.path("error_subcode").asText() : "")
                    + (error.hasNonNull("fbtrace_id") ? ", fbtrace_id " + error.path("fbtrace_id").asText() : "") + ")"
                    + (details.isBlank() ? "" : ": " + details);
        } catch (IOException | RuntimeException notJson) {
            return "a response that is not a Graph API error";
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
