package com.ramparts.soc.correlation.rules;

import com.ramparts.detection.load.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/rules/problems}: the rules the correlator left out and why, for administrators
 * and analysts.
 */
@RestController
class RuleProblemsController {

    private static final Set<String> ALLOWED = Set.of("ROLE_ADMIN", "ROLE_ANALYST");

    private final RuleCatalog catalog;

    RuleProblemsController(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param line and column are 0 when the problem is about a whole file */
    record ProblemView(String file, int line, int column, String rule, String kind, String message, String text) {
        static ProblemView of(Problem problem) {
            return new ProblemView(problem.file(), problem.position().line(), problem.position().column(), problem.rule(),
                    problem.kind().name(), problem.message(), problem.toString());
        }
    }

    record ProblemsView(long generation, String loadedAt, int detectionRules, int correlationRules, int absenceRules,
            List<ProblemView> problems) {
    }

    @GetMapping("/api/v1/rules/problems")
    ResponseEntity<ProblemsView> problems(Authentication authentication) {
        if (authentication == null || authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(ALLOWED::contains)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        Rules rules = catalog.current();
        return ResponseEntity.ok(new ProblemsView(rules.generation(), rules.loadedAt().toString(), rules.ruleSet().size(),
                rules.correlations().size(), rules.absences().size(),
                rules.problems().stream().map(ProblemView::of).toList()));
    }
}
