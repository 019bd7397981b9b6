package io.throughline.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status, a message that says what to do, and the field at fault. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ApiException(HttpStatus status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
