package com.ramparts.soc.web;

import jakarta.servlet.http.HttpServletRequest;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * When OpenSearch is away or refuses a query, pages and the API say so (503) instead of a stack
 * trace; the details go to the log.
 */
final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    private static void logged(RuntimeException e, HttpServletRequest request) {
        log.warn("{} {}: event search failed: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    @ControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {
        @ExceptionHandler({UncheckedIOException.class, OpenSearchException.class})
        ResponseEntity<Map<String, String>> unavailable(RuntimeException e, HttpServletRequest request) {
            logged(e, request);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "search.unavailable", "message", "OpenSearch is not answering"));
        }
    }

    @ControllerAdvice(annotations = Controller.class)
    static class Pages {
        @ExceptionHandler({UncheckedIOException.class, OpenSearchException.class})
        @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
        String unavailable(RuntimeException e, HttpServletRequest request) {
            logged(e, request);
            return "unavailable";
        }
    }
}
