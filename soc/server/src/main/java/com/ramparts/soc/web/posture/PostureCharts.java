package com.ramparts.soc.web.posture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ramparts.soc.posture.DistrictPosture;
import com.ramparts.soc.posture.HistoryPoint;
import com.ramparts.soc.posture.UnitPosture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JSON each chart reads from its {@code data-posture-chart} attribute (static/js/posture.js draws it). */
final class PostureCharts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PostureCharts() {
    }

    /** Grouped bars: the four shares per district; a click opens the district. */
    static String districts(List<DistrictPosture> districts, List<String> seriesNames, String language) {
        List<String> names = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<List<Double>> series = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (DistrictPosture d : districts) {
            names.add("en".equals(language) && d.nameEn() != null ? d.nameEn() : d.name());
            links.add("/posture?district=" + d.districtId());
            series.get(0).add(d.shares().firewall());
            series.get(1).add(d.shares().antivirus());
            series.get(2).add(d.shares().backup());
            series.get(3).add(d.shares().certificate());
        }
        return json(Map.of("type", "shares", "categories", names, "links", links, "seriesNames", seriesNames, "series", series));
    }

    /** Bars: each unit's score; a click opens the unit. */
    static String unitScores(List<UnitPosture> units, String label, String language) {
        List<String> names = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (UnitPosture u : units) {
            names.add("en".equals(language) && u.nameEn() != null ? u.nameEn() : u.name());
            links.add("/posture?unit=" + u.unitId());
            scores.add(u.score() == null ? 0.0 : u.score());
        }
        return json(Map.of("type", "scores", "categories", names, "links", links, "seriesNames", List.of(label),
                "series", List.of(scores)));
    }

    /** Lines over time: the four shares and the score. */
    static String history(List<HistoryPoint> points, List<String> seriesNames) {
        List<List<List<Object>>> series = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (HistoryPoint p : points) {
            long at = p.at().toEpochMilli();
            series.get(0).add(point(at, p.firewall()));
            series.get(1).add(point(at, p.antivirus()));
            series.get(2).add(point(at, p.backup()));
            series.get(3).add(point(at, p.certificate()));
            series.get(4).add(point(at, p.score()));
        }
        Map<String, Object> spec = new HashMap<>();
        spec.put("type", "trend");
        spec.put("seriesNames", seriesNames);
        spec.put("series", series);
        return json(spec);
    }

    private static List<Object> point(long at, Double value) {
        List<Object> point = new ArrayList<>(2);
        point.add(at);
        point.add(value);
        return point;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
