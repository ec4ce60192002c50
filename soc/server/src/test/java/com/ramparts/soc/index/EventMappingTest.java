package com.ramparts.soc.index;

import com.ramparts.soc.index.EventMapping.MappedType;
import com.ramparts.telemetry.event.Ecs;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.assertj.core.api.Assertions.assertThat;

class EventMappingTest {

    @Test
    void ecsTypesComeFromTheModelWithIpAndDateRefinements() {
        assertThat(EventMapping.fields())
                .containsEntry(Ecs.SOURCE_IP, MappedType.IP)
                .containsEntry(Ecs.RELATED_IP, MappedType.IP)
                .containsEntry(Ecs.DESTINATION_PORT, MappedType.LONG)
                .containsEntry(Ecs.TIMESTAMP, MappedType.DATE)
                .containsEntry(Ecs.EVENT_RISK_SCORE, MappedType.DOUBLE)
                .containsEntry(Ecs.TLS_ESTABLISHED, MappedType.BOOLEAN)
                .containsEntry(Ecs.EVENT_DATASET, MappedType.KEYWORD)
                .containsEntry(Ecs.EVENT_ORIGINAL, MappedType.STORED_ONLY)
                .containsEntry(Ecs.RAMPARTS_SEQUENCE, MappedType.LONG)
                .containsEntry(Ecs.RAMPARTS_SITE_ID, MappedType.KEYWORD);
    }

    @Test
    void everyFieldTheModelDeclaresIsMapped() {
        for (var field : Ecs.class.getFields()) {
            if (field.getType() == String.class) {
                String name = (String) ReflectionSupport.get(field);
                if (Ecs.typeOf(name) != null) {
                    assertThat(EventMapping.fields()).as(name).containsKey(name);
                }
            }
        }
    }

    private static final class ReflectionSupport {
        static Object get(Field field) {
            try {
                return field.get(null);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }
}
