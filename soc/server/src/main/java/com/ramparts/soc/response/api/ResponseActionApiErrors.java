package com.ramparts.soc.response.api;

import com.ramparts.soc.incident.api.ApiError;
import com.ramparts.soc.response.ResponseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of the actions API as {@link ApiError} JSON with a stable code. */
@RestControllerAdvice(assignableTypes = ResponseActionApiController.class)
class ResponseActionApiErrors {

    @ExceptionHandler(ResponseException.class)
    ResponseEntity<ApiError> response(ResponseException e) {
        return ResponseEntity.status(e.code().status()).body(new ApiError(e.code().name(), e.getMessage()));
    }

    @ExceptionHandler(ActionApiException.class)
    ResponseEntity<ApiError> api(ActionApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        String code = "id".equals(e.getName()) ? "BAD_ID" : "INVALID_REQUEST";
        return ResponseEntity.badRequest().body(new ApiError(code, "'" + e.getName() + "' is not valid"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(new ApiError("METHOD_NOT_ALLOWED", e.getMessage()));
    }
}
