package com.ramparts.soc.web.posture;

import com.ramparts.soc.posture.HistoryPoint;
import com.ramparts.soc.posture.PosturePicture;
import com.ramparts.soc.posture.PostureService;
import com.ramparts.soc.posture.PostureSnapshots;
import com.ramparts.soc.posture.UnitPosture;
import com.ramparts.soc.web.DashboardProperties;
import com.ramparts.soc.web.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code /posture}: the city by district ({@code ?district=} a district's units, {@code ?unit=} a unit's sites),
 * each with its history over the last {@value #HISTORY_DAYS} days. A REQUESTER always gets its own unit.
 */
@Controller
class PosturePageController {

    static final int HISTORY_DAYS = 30;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final PostureService posture;
    private final PostureSnapshots snapshots;
    private final MessageSource messages;
    private final DashboardProperties dashboard;

    PosturePageController(PostureService posture, PostureSnapshots snapshots, MessageSource messages, DashboardProperties dashboard) {
        this.posture = posture;
        this.snapshots = snapshots;
        this.messages = messages;
        this.dashboard = dashboard;
    }

    /**
     * The city's figures again, for the page's htmx poll every {@code dashboard.refresh-interval}; 204 (nothing to swap)
     * for a viewer held to one unit, who is never shown the city.
     */
    @GetMapping("/posture/live")
    String live(Authentication authentication, Model model, HttpServletResponse response) {
        if (Viewer.of(authentication).scope().limited()) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        model.addAttribute("picture", posture.now());
        model.addAttribute("refreshSeconds", refreshSeconds());
        return "posture/page :: live";
    }

    private long refreshSeconds() {
        return Math.max(1, dashboard.refreshInterval().toSeconds());
    }

    @GetMapping("/posture")
    String page(Authentication authentication, Model model,
                @RequestParam(name = "district", required = false) String district,
                @RequestParam(name = "unit", required = false) String unit) {
        Viewer viewer = Viewer.of(authentication);
        checkId(district);
        checkId(unit);
        if (viewer.scope().limited()) {
            unit = viewer.scope().unitId() == null ? "\u0000none" : viewer.scope().unitId();
            district = null;
        }
        PosturePicture picture = posture.now();
        Locale locale = LocaleContextHolder.getLocale();
        String language = locale.getLanguage();
        List<String> shareNames = List.of(text("posture.firewall", locale), text("posture.antivirus", locale),
                text("posture.backup", locale), text("posture.certificate", locale));
        List<String> trendNames = List.of(shareNames.get(0), shareNames.get(1), shareNames.get(2), shareNames.get(3),
                text("posture.score", locale));
        model.addAttribute("picture", picture);
        model.addAttribute("language", language);
        model.addAttribute("refreshSeconds", refreshSeconds());
        Instant now = picture.at();
        String scope;
        String scopeId;
        if (unit != null) {
            String wanted = unit;
            UnitPosture found = picture.unit(wanted).orElse(null);
            if (found == null && !viewer.scope().limited()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no unit " + wanted);
            }
            model.addAttribute("view", "unit");
            model.addAttribute("unit", found);
            model.addAttribute("sites", picture.sites().stream().filter(s -> wanted.equals(s.unitId())).toList());
            scope = PostureSnapshots.UNIT;
            scopeId = wanted;
        } else if (district != null) {
            String wanted = district;
            var found = picture.district(wanted)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no district " + wanted));
            List<UnitPosture> units = picture.units().stream().filter(u -> u.districtId().equals(wanted)).toList();
            model.addAttribute("view", "district");
            model.addAttribute("district", found);
            model.addAttribute("units", units);
            model.addAttribute("unitChart", PostureCharts.unitScores(units, text("posture.score", locale), language));
            scope = PostureSnapshots.DISTRICT;
            scopeId = wanted;
        } else {
            model.addAttribute("view", "city");
            model.addAttribute("districtChart", PostureCharts.districts(picture.districts(), shareNames, language));
            scope = PostureSnapshots.CITY;
            scopeId = PostureSnapshots.CITY_ID;
        }
        List<HistoryPoint> history = snapshots.history(scope, scopeId, now.minus(Duration.ofDays(HISTORY_DAYS)), now.plusSeconds(1),
                24 * HISTORY_DAYS * 4);
        model.addAttribute("history", history);
        model.addAttribute("historyChart", PostureCharts.history(history, trendNames));
        return "posture/page";
    }

    private static void checkId(String id) {
        if (id != null && !IDENTIFIER.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "ids are 1 to 64 of A-Z a-z 0-9 . _ -");
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
