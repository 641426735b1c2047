package dev.scimflow.ingest.scim;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.scimflow.scim.ScimException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that turns failures into RFC 7644 error bodies: 4xx logged at DEBUG, anything unexpected at ERROR
 * with a generic detail (never the exception's message or a stack trace in the body).
 */
@RestControllerAdvice
class ScimErrors {

    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<ObjectNode> scim(ScimException ex) {
        log.debug("SCIM error {} {}", ex.status(), ex.scimType());
        HttpStatus status = HttpStatus.valueOf(ex.status());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(ScimJson.SCIM);
        if (ex.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
        }
        return response.body(ScimJson.errorBody(ex.status(), ex.scimType(), ex.getMessage()));
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ObjectNode> completion(CompletionException ex) {
        return ex.getCause() instanceof ScimException scim ? scim(scim) : unexpected(ex);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ObjectNode> unreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.TooLargeException) {
                return ScimJson.error(HttpStatus.CONTENT_TOO_LARGE, null, BodyLimitFilter.tooLarge());
            }
        }
        log.debug("unreadable request body");
        return ScimJson.error(HttpStatus.BAD_REQUEST, "invalidSyntax", "The request body is not valid JSON");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ObjectNode> badParameter(Exception ex) {
        log.debug("bad request parameter: {}", ex.getClass().getSimpleName());
        return ScimJson.error(HttpStatus.BAD_REQUEST, "invalidValue", "A request parameter is missing or invalid");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ObjectNode> method(HttpRequestMethodNotSupportedException ex) {
        ResponseEntity<ObjectNode> error = ScimJson.error(HttpStatus.METHOD_NOT_ALLOWED, null,
                "Method " + ex.getMethod() + " is not supported here");
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(error.getHeaders());
        if (ex.getSupportedHttpMethods() != null) {
            headers.setAllow(ex.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(error.getBody(), headers, error.getStatusCode());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ObjectNode> mediaType(HttpMediaTypeNotSupportedException ex) {
        return ScimJson.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null,
                "Send application/scim+json or application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ObjectNode> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
        return ScimJson.error(HttpStatus.NOT_ACCEPTABLE, null, "This API answers application/scim+json");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ObjectNode> noResource(NoResourceFoundException ex) {
        return ScimJson.error(HttpStatus.NOT_FOUND, null, "No such endpoint");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ObjectNode> unexpected(Exception ex) {
        if (StoreErrors.isUnavailable(ex)) {
            log.warn("the store is unreachable: {}", ex.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(ScimJson.SCIM)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreErrors.RETRY_AFTER_SECONDS))
                    .body(ScimJson.errorBody(503, null, StoreErrors.DETAIL));
        }
        log.error("unexpected failure handling a request", ex);
        return ScimJson.error(HttpStatus.INTERNAL_SERVER_ERROR, null, "Internal error; the request may be retried");
    }
}
