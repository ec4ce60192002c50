package com.ramparts.soc.web.events;

import com.ramparts.soc.web.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The same search for programs: {@code GET /api/events?q=...&range=...} and {@code GET /api/events/{id}}
 * (HTTP basic). A refused search is a 400 with the rule broken.
 */
@RestController
@RequestMapping("/api/events")
class EventsApiController {

    private final EventSearchService service;
    private final SearchSupport support;

    EventsApiController(EventSearchService service, SearchSupport support) {
        this.service = service;
        this.support = support;
    }

    @GetMapping
    EventResults search(EventSearchForm form, Authentication authentication) {
        return service.search(Viewer.of(authentication).scope(), support.validate(form));
    }

    @GetMapping("/{id}")
    ResponseEntity<String> document(@PathVariable String id, Authentication authentication) {
        return service.document(Viewer.of(authentication).scope(), id)
                .map(document -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document.json()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(BadSearchException.class)
    ResponseEntity<Map<String, String>> refused(BadSearchException refused) {
        return ResponseEntity.badRequest().body(Map.of("error", refused.messageKey(), "message", support.message(refused)));
    }
}
