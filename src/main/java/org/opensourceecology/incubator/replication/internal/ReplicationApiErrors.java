package org.opensourceecology.incubator.replication.internal;

import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** JSON errors of the replication API: 400 unreadable, 422 invalid fields, 403, 404; never a stack trace. */
@RestControllerAdvice(assignableTypes = {ReplicationApiController.class, MapController.class})
class ReplicationApiErrors {

    static class NotFound extends RuntimeException {
        NotFound(long id) {
            super("No replicated enterprise " + id);
        }
    }

    static class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "The body is not valid JSON of the expected shape", Map.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
        var fields = new TreeMap<String, String>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> fields.merge(f.getField(), f.getDefaultMessage(), (a, b) -> a + "; " + b));
        return error(HttpStatus.UNPROCESSABLE_ENTITY, "Some fields are invalid", fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> invalid(ConstraintViolationException e) {
        var fields = new TreeMap<String, String>();
        e.getConstraintViolations()
                .forEach(v -> fields.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
        return error(HttpStatus.UNPROCESSABLE_ENTITY, "Some fields are invalid", fields);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage(), Map.of());
    }

    private static ResponseEntity<Map<String, Object>> error(
            HttpStatus status, String message, Map<String, String> fields) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", status.value());
        body.put("message", message);
        if (!fields.isEmpty()) {
            body.put("fields", fields);
        }
        return ResponseEntity.status(status).body(body);
    }
}
