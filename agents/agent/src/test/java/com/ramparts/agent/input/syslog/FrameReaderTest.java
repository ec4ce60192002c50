package com.ramparts.agent.input.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static List<String> frames(String stream, int max) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), max);
        List<String> frames = new ArrayList<>();
        FrameReader.Frame frame;
        while ((frame = reader.next()) != null) {
            frames.add(new String(frame.bytes(), 0, frame.length(), StandardCharsets.UTF_8)
                    + (frame.truncated() ? "~" : ""));
        }
        return frames;
    }

    @Test
    void octetCountingAndNewlineFramingMixOnOneConnection() throws IOException {
        assertThat(frames("11 <13>1 hello\n<13>plain line\r\n4 a\nbc6 second", 100))
                .containsExactly("<13>1 hello", "<13>plain line", "a\nbc", "second");
    }

    @Test
    void aMessageStartingWithDigitsButNoLengthIsNewlineFramed() throws IOException {
        assertThat(frames("2026-03-01 something\n12345\n", 100)).containsExactly("2026-03-01 something", "12345");
    }

    @Test
    void oversizedMessagesAreCutAndTheRestSkippedInBothFramings() throws IOException {
        String big = "x".repeat(50);
        assertThat(frames("50 " + big + "<13>next\n" + big + "\n<13>last\n", 10))
                .containsExactly("xxxxxxxxxx~", "<13>next", "xxxxxxxxxx~", "<13>last");
    }

    @Test
    void aConnectionClosedMidMessageKeepsWhatArrived() throws IOException {
        assertThat(frames("20 <13>cut", 100)).containsExactly("<13>cut");
        assertThat(frames("<13>no newline at the end", 100)).containsExactly("<13>no newline at the end");
    }
}
