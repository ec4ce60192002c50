package com.ramparts.appliance;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws Exception {
        assertThat(load("messages_vi.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void vietnameseLocaleSpeaksVietnamese() {
        Messages vi = Messages.fromEnvironment(Map.of("LANG", "vi_VN.UTF-8"));
        assertThat(vi.get("down.done")).isEqualTo("Ramparts đã dừng.");
        assertThat(Messages.fromEnvironment(Map.of("LANG", "en_US.UTF-8", "RAMPARTS_LANG", "vi")).get("status.healthy")).isEqualTo("tốt");
    }

    @Test
    void anyOtherLocaleSpeaksEnglishWithIndentKept() {
        Messages en = Messages.fromEnvironment(Map.of("LANG", "C.UTF-8"));
        assertThat(en.get("down.done")).isEqualTo("Ramparts is down.");
        assertThat(en.get("up.healthy", "kafka")).isEqualTo("  kafka: healthy");
    }

    @Test
    void portNumbersAreNotFormattedWithGroupingSeparators() {
        Messages en = Messages.fromEnvironment(Map.of());
        assertThat(en.get("up.starting", "kafka", Long.toString(14713), "/x.log")).contains("pid 14713");
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/com/ramparts/appliance/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
