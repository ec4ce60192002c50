package com.ramparts.soc.web;

import com.ramparts.soc.account.Role;
import com.ramparts.soc.web.sites.SiteStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Vietnamese and English have the same messages, and every message the pages use exists. */
class I18nBundlesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.]*)[(}]");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_vi.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void noMessageIsLeftEmptyOrUntranslated() throws IOException {
        Properties vi = load("messages_vi.properties");
        Properties en = load("messages.properties");
        for (String key : vi.stringPropertyNames()) {
            assertThat(vi.getProperty(key)).as(key).isNotBlank();
        }
        long identical = vi.stringPropertyNames().stream()
                .filter(key -> vi.getProperty(key).equals(en.getProperty(key)) && vi.getProperty(key).matches(".*[a-z]{4,}.*"))
                .count();
        assertThat(identical).as("messages with the same words in both languages").isLessThanOrEqualTo(2);
    }

    @Test
    void everyKeyTheTemplatesNameLiterallyExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyPageRoleAndStateHasItsName() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        for (Page page : Page.values()) {
            assertThat(keys).contains(page.messageKey());
        }
        for (Role role : Role.values()) {
            assertThat(keys).contains("role." + role);
        }
        for (SiteStatus.State state : SiteStatus.State.values()) {
            assertThat(keys).contains("state." + state);
        }
        for (String range : com.ramparts.soc.web.events.TimeWindow.RANGES) {
            assertThat(keys).contains("events.range." + range);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
