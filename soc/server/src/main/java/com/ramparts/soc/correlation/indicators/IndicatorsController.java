package com.ramparts.soc.correlation.indicators;

import com.ramparts.detection.ioc.IndicatorFeed;
import com.ramparts.detection.ioc.IndicatorProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/rules/indicators}: the IOC feeds the correlator loaded (counts per feed, what was
 * skipped) and the entries it left out and why, for administrators and analysts. The indicator
 * values themselves are not listed: feeds may be TLP:AMBER or RED.
 */
@RestController
class IndicatorsController {

    private static final Set<String> ALLOWED = Set.of("ROLE_ADMIN", "ROLE_ANALYST");

    private final IndicatorCatalog catalog;

    IndicatorsController(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    record FeedView(String name, String file, String format, int indicators, int problems, Map<String, Integer> skipped) {
        static FeedView of(IndicatorFeed feed) {
            return new FeedView(feed.name(), feed.file(), feed.format().name().toLowerCase(java.util.Locale.ROOT),
                    feed.indicators().size(), feed.problems().size(), feed.skipped());
        }
    }

    /** @param line 0 when the problem is about a whole file; pointer is the JSON pointer in STIX/MISP documents */
    record ProblemView(String file, int line, String pointer, String message, String text) {
        static ProblemView of(IndicatorProblem problem) {
            return new ProblemView(problem.file(), problem.line(), problem.pointer(), problem.message(), problem.toString());
        }
    }

    record IndicatorsView(long generation, String loadedAt, String directory, int indicators, List<FeedView> feeds,
            List<ProblemView> problems) {
    }

    @GetMapping("/api/v1/rules/indicators")
    ResponseEntity<IndicatorsView> indicators(Authentication authentication) {
        if (authentication == null || authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(ALLOWED::contains)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        IndicatorCatalog.Loaded loaded = catalog.current();
        return ResponseEntity.ok(new IndicatorsView(loaded.generation(), loaded.loadedAt().toString(),
                catalog.directory().toString(), loaded.load().indicators().size(),
                loaded.load().feeds().stream().map(FeedView::of).toList(),
                loaded.load().problems().stream().map(ProblemView::of).toList()));
    }
}
