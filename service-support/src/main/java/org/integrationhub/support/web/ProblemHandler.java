package org.integrationhub.support.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Turns every failure of a request handler into an RFC 9457 problem with a stable {@code code}.
 * Details are written here, never copied from exception messages of libraries, so no request
 * content (a password, a token) can be echoed back.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(HubProblem.class)
    ResponseEntity<ProblemDetail> hubProblem(HubProblem problem) {
        ProblemDetail detail = Problems.of(problem.status(), problem.code(), problem.getMessage());
        problem.properties().forEach(detail::setProperty);
        return respond(detail);
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalidFields(WebExchangeBindException invalid) {
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", "Some fields are invalid.");
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler(org.springframework.web.method.annotation.HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(org.springframework.web.method.annotation.HandlerMethodValidationException invalid) {
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", "Some parameters are invalid.");
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolations(jakarta.validation.ConstraintViolationException invalid) {
        List<Map<String, String>> errors = invalid.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", "Some parameters are invalid.");
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ContentTooLargeException tooLarge) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "The request body is too large."));
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(UnsupportedMediaTypeStatusException unsupported) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send the body as application/json."));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> malformed(ServerWebInputException malformed) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed_request",
                "The request could not be read: check that the body is well-formed JSON of the documented shape."));
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(MethodNotAllowedException notAllowed) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "This method is not allowed here."));
    }

    @ExceptionHandler(NotAcceptableStatusException.class)
    ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableStatusException notAcceptable) {
        return respond(Problems.of(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This resource is available as JSON only."));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException status) {
        HttpStatus known = HttpStatus.resolve(status.getStatusCode().value());
        String code = known == null ? "error" : known.name().toLowerCase(java.util.Locale.ROOT);
        return respond(Problems.of(status.getStatusCode(), code, known == null ? "The request failed." : known.getReasonPhrase() + "."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception unexpected) {
        log.error("Unhandled failure ({})", unexpected.getClass().getName(), unexpected);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; the failure was logged."));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
