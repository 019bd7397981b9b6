package io.throughline.web.security;

import java.io.IOException;

/** A request body that grew past its limit while it was read (a chunked body has no length to check up front). */
public class BodyTooLargeException extends IOException {

    private final long limit;
    private final String field;

    BodyTooLargeException(long limit, String field) {
        super("the request body is over " + limit + " bytes");
        this.limit = limit;
        this.field = field;
    }

    public long limit() {
        return limit;
    }

    public String field() {
        return field;
    }
}
