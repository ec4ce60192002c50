package com.ramparts.soc.posture.api;

import com.ramparts.soc.account.Account;
import com.ramparts.soc.account.SocUser;
import com.ramparts.soc.posture.CityPosture;
import com.ramparts.soc.posture.DistrictPosture;
import com.ramparts.soc.posture.HistoryPoint;
import com.ramparts.soc.posture.PosturePicture;
import com.ramparts.soc.posture.PostureService;
import com.ramparts.soc.posture.PostureSnapshots;
import com.ramparts.soc.posture.SitePosture;
import com.ramparts.soc.posture.UnitPosture;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/posture}: city, districts, units, sites and history. ANALYST, DRILL_COORDINATOR and ADMIN see
 * everything; a REQUESTER sees its own unit and that unit's sites (another unit or site is a 404, as if it did not
 * exist) and gets 403 on the city and district views.
 */
@RestController
@RequestMapping(path = "/api/v1/posture", produces = MediaType.APPLICATION_JSON_VALUE)
class PostureApiController {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Duration MAX_HISTORY = Duration.ofDays(400);
    static final int MAX_POINTS = 10_000;

    /** A district and its units. */
    record DistrictDetail(DistrictPosture district, List<UnitPosture> units) {
    }

    /** A unit and its sites. */
    record UnitDetail(UnitPosture unit, List<SitePosture> sites) {
    }

    record History(String scope, String id, Instant from, Instant to, List<HistoryPoint> points) {
    }

    private final PostureService posture;
    private final PostureSnapshots snapshots;

    PostureApiController(PostureService posture, PostureSnapshots snapshots) {
        this.posture = posture;
        this.snapshots = snapshots;
    }

    @GetMapping("/city")
    CityPosture city(@AuthenticationPrincipal SocUser user) {
        requireWholeCity(user);
        return posture.city(posture.now());
    }

    @GetMapping("/districts")
    List<DistrictPosture> districts(@AuthenticationPrincipal SocUser user) {
        requireWholeCity(user);
        return posture.now().districts();
    }

    @GetMapping("/districts/{id}")
    DistrictDetail district(@AuthenticationPrincipal SocUser user, @PathVariable("id") String id) {
        requireWholeCity(user);
        String district = identifier("id", id);
        PosturePicture picture = posture.now();
        DistrictPosture found = picture.district(district)
                .orElseThrow(() -> notFound("district " + district));
        return new DistrictDetail(found, picture.units().stream().filter(u -> u.districtId().equals(district)).toList());
    }

    @GetMapping("/units")
    List<UnitPosture> units(@AuthenticationPrincipal SocUser user, @RequestParam(name = "district", required = false) String district) {
        String wanted = district == null ? null : identifier("district", district);
        String scope = scope(user);
        return posture.now().units().stream()
                .filter(u -> wanted == null || u.districtId().equals(wanted))
                .filter(u -> scope == null || u.unitId().equals(scope)).toList();
    }

    @GetMapping("/units/{id}")
    UnitDetail unit(@AuthenticationPrincipal SocUser user, @PathVariable("id") String id) {
        String unit = visibleUnit(user, identifier("id", id));
        PosturePicture picture = posture.now();
        UnitPosture found = picture.unit(unit).orElseThrow(() -> notFound("unit " + unit));
        return new UnitDetail(found, picture.sites().stream().filter(s -> unit.equals(s.unitId())).toList());
    }

    @GetMapping("/sites")
    List<SitePosture> sites(@AuthenticationPrincipal SocUser user, @RequestParam(name = "unit", required = false) String unit) {
        String wanted = unit == null ? null : identifier("unit", unit);
        String scope = scope(user);
        return posture.now().sites().stream()
                .filter(s -> wanted == null || wanted.equals(s.unitId()))
                .filter(s -> scope == null || scope.equals(s.unitId())).toList();
    }

    @GetMapping("/sites/{id}")
    SitePosture site(@AuthenticationPrincipal SocUser user, @PathVariable("id") String id) {
        String site = identifier("id", id);
        String scope = scope(user);
        return posture.now().site(site).filter(s -> scope == null || scope.equals(s.unitId()))
                .orElseThrow(() -> notFound("site " + site));
    }

    @GetMapping("/history")
    History history(@AuthenticationPrincipal SocUser user,
                    @RequestParam(name = "scope", defaultValue = PostureSnapshots.CITY) String scope,
                    @RequestParam(name = "id", required = false) String id,
                    @RequestParam(name = "from", required = false) String from,
                    @RequestParam(name = "to", required = false) String to) {
        String scopeId;
        switch (scope) {
            case PostureSnapshots.CITY -> {
                requireWholeCity(user);
                if (id != null) {
                    throw invalid("the city's history takes no id");
                }
                scopeId = PostureSnapshots.CITY_ID;
            }
            case PostureSnapshots.DISTRICT -> {
                requireWholeCity(user);
                scopeId = identifier("id", required("id", id));
            }
            case PostureSnapshots.UNIT -> scopeId = visibleUnit(user, identifier("id", required("id", id)));
            default -> throw invalid("scope must be city, district or unit");
        }
        Instant end = to == null ? posture.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw invalid("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_HISTORY) > 0) {
            throw invalid("at most " + MAX_HISTORY.toDays() + " days of history per request");
        }
        return new History(scope, scopeId, start, end, snapshots.history(scope, scopeId, start, end, MAX_POINTS));
    }

    /** The unit a requester is held to, or null for roles that see every unit. */
    private static String scope(SocUser user) {
        Account account = user.account();
        if (!account.limitedToUnit()) {
            return null;
        }
        return account.unitId() == null ? "\u0000none" : account.unitId(); // a requester without a unit sees nothing
    }

    private static String visibleUnit(SocUser user, String unit) {
        String scope = scope(user);
        if (scope != null && !scope.equals(unit)) {
            throw notFound("unit " + unit);
        }
        return unit;
    }

    private static void requireWholeCity(SocUser user) {
        if (user.account().limitedToUnit()) {
            throw new PostureApiException(PostureApiException.Code.OUTSIDE_SCOPE,
                    "the city and district views are not open to a unit's requester; ask for /api/v1/posture/units/{your unit}");
        }
    }

    private static String required(String name, String value) {
        if (value == null) {
            throw invalid(name + " is required");
        }
        return value;
    }

    private static String identifier(String name, String value) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw invalid(name + " must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        if (value.length() > 40) {
            throw invalid(name + " must be an ISO-8601 instant such as 2026-01-31T17:00:00Z");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an ISO-8601 instant such as 2026-01-31T17:00:00Z");
        }
    }

    private static PostureApiException invalid(String message) {
        return new PostureApiException(PostureApiException.Code.INVALID_REQUEST, message);
    }

    private static PostureApiException notFound(String what) {
        return new PostureApiException(PostureApiException.Code.NOT_FOUND, "no " + what);
    }
}
