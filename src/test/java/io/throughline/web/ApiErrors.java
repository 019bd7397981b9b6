package io.throughline.web;

/** The application's error advice, for standalone MockMvc tests that check the JSON error bodies. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static Object advice() {
        return new ApiErrorHandler();
    }
}
