package com.ramparts.soc.web.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ramparts.soc.web.DashboardProperties;
import com.ramparts.soc.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The overview page, and its live panel that htmx reloads every {@code dashboard.refresh-interval}. */
@Controller
class OverviewController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OverviewService service;
    private final DashboardProperties properties;

    OverviewController(OverviewService service, DashboardProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @GetMapping("/overview")
    String page(Authentication authentication, Model model) {
        fill(authentication, model);
        model.addAttribute("refreshSeconds", Math.max(1, properties.refreshInterval().toSeconds()));
        return "overview/page";
    }

    @GetMapping("/overview/live")
    String live(Authentication authentication, Model model) {
        fill(authentication, model);
        model.addAttribute("refreshSeconds", Math.max(1, properties.refreshInterval().toSeconds()));
        return "overview/page :: live";
    }

    private void fill(Authentication authentication, Model model) {
        Overview overview = service.overview(Viewer.of(authentication).scope());
        model.addAttribute("overview", overview);
        model.addAttribute("rateChart", json(Map.of("type", "rate",
                "points", overview.rate().stream().map(p -> List.of(p.minute().toEpochMilli(), p.perSecond())).toList())));
        model.addAttribute("datasetChart", json(Map.of("type", "datasets",
                "points", overview.datasets().stream().map(d -> List.of(d.dataset(), d.count())).toList())));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
