package io.throughline.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.throughline.web.security.BodyTooLargeException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error from the API as {@link ApiError}: a sentence that says what to do, and the field when there is one. */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return body(e.status(), e.getMessage(), e.field());
    }

    /** A chunked body that passed its limit while it was read (see BodyLimitFilter). */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ApiError> bodyTooLarge(BodyTooLargeException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "the request body is over the " + e.limit() + " bytes taken here; "
                + "send less (settings throughline.limits.*)", e.field());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(name -> name != null).collect(Collectors.joining("."));
            return body(HttpStatus.BAD_REQUEST, "field '" + field + "' has the wrong type: "
                    + mapping.getOriginalMessage(), field);
        }
        String detail = e.getMostSpecificCause().getMessage();
        return body(HttpStatus.BAD_REQUEST, "the request body is not valid JSON ("
                + (detail == null ? "empty body" : detail.lines().findFirst().orElse(detail)) + ")", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, e.getName() + " '" + e.getValue() + "' is not valid", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "parameter " + e.getParameterName() + " is required", e.getParameterName());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> invalid(IllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as " + e.getSupportedMediaTypes()
                + " with a matching Content-Type header", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here; use "
                + e.getSupportedHttpMethods(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "nothing at /" + e.getResourcePath() + "; see the README for the API", null);
    }

    /** A multipart part over {@code spring.servlet.multipart.max-file-size}, which follows the knowledge file limit. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e) {
        String limit = e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() / 1024 / 1024 + " MB" : "";
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is over the limit" + limit
                + " (setting throughline.knowledge.max-file-size)", "file");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        return body(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason(), null);
    }

    /** A web-chat stream whose visitor went away: nothing to answer, and nobody to answer to. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("client went away: {}", e.getMessage());
    }

    /**
     * The database is unreachable (restarting, failing over, the network between): nothing was stored, so the caller
     * must send again. 503 with Retry-After is what browsers, the widget and the channel providers retry on.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ApiError> databaseUnavailable(Exception e) {
        log.warn("database unavailable, answered 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(new ApiError("the service cannot reach its database for a moment; nothing was stored: send the "
                        + "same request again in " + RETRY_AFTER_SECONDS + " seconds", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (DatabaseUnreachable.causes(e)) {
            return databaseUnavailable(e); // the engine wraps a connection lost mid-transaction in its own exception
        }
        log.error("request failed", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "something went wrong on our side (" + e.getClass().getSimpleName()
                + "); nothing you sent was lost if you had a 2xx before; try again, and see the server log", null);
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String message, String field) {
        return ResponseEntity.status(status).body(new ApiError(message, field));
    }
}
