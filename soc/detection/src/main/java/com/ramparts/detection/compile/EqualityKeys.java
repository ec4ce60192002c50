package com.ramparts.detection.compile;

import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.FieldValue.BooleanValue;
import com.ramparts.telemetry.event.FieldValue.DoubleValue;
import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringList;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Equality keys. A rule's key is the folded text of an exact string, the canonical text of a
 * number, or "true"/"false"; an event value yields every key a test could find equal to it: the
 * folded text the string matchers see, and the canonical text of any number it spells or is.
 */
final class EqualityKeys {

    private EqualityKeys() {
    }

    static List<String> of(FieldValue value) {
        return switch (value) {
            case StringValue s -> ofString(s.value());
            case LongValue l -> both(Long.toString(l.value()), Numbers.canonical((double) l.value()));
            case DoubleValue d -> both(Fold.fold(Double.toString(d.value())), Numbers.canonical(d.value()));
            case BooleanValue b -> List.of(b.value() ? "true" : "false");
            case StringList list -> {
                List<String> all = new ArrayList<>();
                for (String element : list.values()) {
                    all.addAll(ofString(element));
                }
                yield all;
            }
        };
    }

    private static List<String> ofString(String text) {
        String folded = Fold.fold(text);
        double number = Numbers.parse(text);
        return Double.isNaN(number) ? List.of(folded) : both(folded, Numbers.canonical(number));
    }

    private static List<String> both(String a, String b) {
        return a.equals(b) ? List.of(a) : List.of(a, b);
    }
}
