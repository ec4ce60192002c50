package com.ramparts.soc.posture.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of the posture API as JSON with a stable code. */
@RestControllerAdvice(assignableTypes = PostureApiController.class)
class PostureApiErrors {

    @ExceptionHandler(PostureApiException.class)
    ResponseEntity<PostureApiError> refused(PostureApiException e) {
        return ResponseEntity.status(e.code().status()).body(new PostureApiError(e.code().name(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<PostureApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new PostureApiError("INVALID_REQUEST", "'" + e.getName() + "' is not valid"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<PostureApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new PostureApiError("METHOD_NOT_ALLOWED", "the posture API is read-only: use GET"));
    }
}
