package com.ramparts.pki.api;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Locale;

/** Every refusal as an {@link ApiError}; the status follows from the error's kind. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(PkiException.class)
    ResponseEntity<ApiError> refused(PkiException e, Locale locale) {
        return body(e, locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, Locale locale) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return body(new PkiException(PkiError.REQUEST_TOO_LARGE, null, String.valueOf(tooLarge.limit())), locale);
            }
        }
        return body(new PkiException(PkiError.REQUEST_MALFORMED, null, "the body is not the JSON this endpoint expects"), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return body(new PkiException(PkiError.REQUEST_MALFORMED, null, "send Content-Type: application/json"), locale);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> badParameter(Exception e, Locale locale) {
        return body(new PkiException(PkiError.REQUEST_MALFORMED, null, e.getMessage()), locale);
    }

    static HttpStatus status(PkiError error) {
        return switch (error.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static ResponseEntity<ApiError> body(PkiException e, Locale locale) {
        return ResponseEntity.status(status(e.error())).body(new ApiError(e.error().code(), e.message(locale), e.field()));
    }
}
