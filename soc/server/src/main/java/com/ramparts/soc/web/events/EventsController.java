package com.ramparts.soc.web.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ramparts.soc.web.Viewer;
import com.ramparts.telemetry.event.Ecs;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events page: the search form, the histogram, the result table, and one event's document. */
@Controller
class EventsController {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** ECS event.kind values, for the filter. */
    private static final List<String> KINDS = List.of(Ecs.Kind.ALERT, Ecs.Kind.EVENT, Ecs.Kind.METRIC, Ecs.Kind.STATE,
            Ecs.Kind.PIPELINE_ERROR, Ecs.Kind.SIGNAL);

    private final EventSearchService service;
    private final SearchSupport support;

    EventsController(EventSearchService service, SearchSupport support) {
        this.service = service;
        this.support = support;
    }

    @GetMapping("/events")
    String page(EventSearchForm form, Authentication authentication, Model model, HttpServletResponse response) {
        Viewer viewer = Viewer.of(authentication);
        model.addAttribute("form", form);
        model.addAttribute("ranges", TimeWindow.RANGES);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("sites", support.sitesIn(viewer.scope()));
        try {
            EventResults results = service.search(viewer.scope(), support.validate(form));
            model.addAttribute("results", results);
            model.addAttribute("histogram", histogramChart(results));
        } catch (BadSearchException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", support.message(refused));
        }
        return "events/page";
    }

    @GetMapping("/events/document")
    String document(@RequestParam(required = false) String id, Authentication authentication, Model model,
                    HttpServletResponse response, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        try {
            service.document(Viewer.of(authentication).scope(), id).ifPresentOrElse(
                    document -> model.addAttribute("document", document),
                    () -> response.setStatus(HttpServletResponse.SC_NOT_FOUND));
        } catch (BadSearchException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", support.message(refused));
        }
        return htmx != null ? "events/document :: document" : "events/document";
    }

    /** The histogram as ECharts reads it in dashboard.js: [epoch millis, count] pairs. */
    private static String histogramChart(EventResults results) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "histogram");
        chart.put("intervalMs", results.interval().toMillis());
        chart.put("points", results.histogram().stream()
                .map(bucket -> List.of(bucket.start().toEpochMilli(), bucket.count())).toList());
        try {
            return JSON.writeValueAsString(chart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
