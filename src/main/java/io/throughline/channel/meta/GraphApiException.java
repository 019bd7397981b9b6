package io.throughline.channel.meta;

/**
 * A Graph API call that failed: refused (4xx), failed on Meta's side (5xx) or not answered in time. The message carries
 * Meta's error code and text, never the URL, which may hold an access token.
 */
public class GraphApiException extends RuntimeException {

    private final int status;

    public GraphApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public GraphApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status Meta answered with; 0 when there was no answer. */
    public int status() {
        return status;
    }
}
