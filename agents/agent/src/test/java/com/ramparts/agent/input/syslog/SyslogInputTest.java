package com.ramparts.agent.input.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ramparts.agent.config.SyslogInputConfig;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SyslogInputTest {

    private final AtomicLong dropped = new AtomicLong();
    private SyslogInput input;

    @AfterEach
    void close() {
        if (input != null) {
            input.close();
        }
    }

    private SyslogInput start(int maxMessageBytes, int queue) throws IOException {
        input = new SyslogInput(new SyslogInputConfig("fw", "test-lines", "127.0.0.1", 0, 0, maxMessageBytes, queue,
                4, ZoneId.of("Asia/Ho_Chi_Minh"), Duration.ofMinutes(10)), dropped::addAndGet);
        input.start(null);
        return input;
    }

    private List<InputRecord.Raw> pollUntil(int count) {
        List<InputRecord.Raw> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<InputRecord> batch;
            do {
                batch = input.poll(1000, Duration.ofMillis(50));
                batch.forEach(r -> records.add((InputRecord.Raw) r));
            } while (!batch.isEmpty() && records.size() < count);
            return records.size() >= count;
        });
        return records;
    }

    private void sendUdp(String... messages) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (String message : messages) {
                byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), input.udpPort()));
            }
        }
    }

    private static TelemetryEvent decorated(InputRecord.Raw record) {
        TelemetryEvent.Builder draft = TelemetryEvent.builder().timestamp(Instant.now())
                .origin(Origin.of("site", new EventId("agent", "fw", 0)));
        record.decoration().apply(draft);
        return draft.build();
    }

    @Test
    void udpMessagesInBothRfcsArriveWithTheirHeaderFields() throws IOException {
        start(2048, 100);
        sendUdp("<134>Mar  1 08:15:30 fw01 filterlog[123]: 5,,,1000,em0,match,block,in,4\n",
                "<165>1 2026-03-01T08:15:31+07:00 veeam01 Veeam_MP - JOB_END [origin ip=\"10.0.0.9\"] Job ok");

        List<InputRecord.Raw> records = pollUntil(2);
        assertThat(records.get(0).raw().text()).isEqualTo("<134>Mar  1 08:15:30 fw01 filterlog[123]: 5,,,1000,em0,"
                + "match,block,in,4");
        assertThat(records.get(0).raw().source()).startsWith("udp://127.0.0.1:");
        TelemetryEvent bsd = decorated(records.get(0));
        assertThat(bsd.fields().longValue("log.syslog.facility.code")).hasValue(16);
        assertThat(bsd.fields().string("log.syslog.facility.name")).hasValue("local0");
        assertThat(bsd.fields().string("log.syslog.severity.name")).hasValue("informational");
        assertThat(bsd.fields().string("log.syslog.hostname")).hasValue("fw01");
        assertThat(bsd.fields().string("log.syslog.appname")).hasValue("filterlog");
        assertThat(bsd.fields().string("log.syslog.procid")).hasValue("123");
        assertThat(bsd.fields().string("log.syslog.version")).hasValue("0");
        assertThat(bsd.fields().string("log.source.address")).hasValueSatisfying(a -> assertThat(a).startsWith("127.0.0.1:"));

        TelemetryEvent ietf = decorated(records.get(1));
        assertThat(ietf.fields().string("log.syslog.version")).hasValue("1");
        assertThat(ietf.fields().string("log.syslog.hostname")).hasValue("veeam01");
        assertThat(ietf.fields().string("log.syslog.appname")).hasValue("Veeam_MP");
        assertThat(ietf.fields().string("log.syslog.msgid")).hasValue("JOB_END");
        assertThat(ietf.fields().string("log.syslog.structured_data")).hasValue("[origin ip=\"10.0.0.9\"]");
        assertThat(ietf.fields().contains("log.syslog.procid")).isFalse();
    }

    @Test
    void decorationNeverOverwritesWhatTheParserSet() throws IOException {
        start(2048, 100);
        sendUdp("<134>Mar  1 08:15:30 fw01 app: x");
        InputRecord.Raw record = pollUntil(1).getFirst();
        TelemetryEvent.Builder draft = TelemetryEvent.builder().timestamp(Instant.now())
                .origin(Origin.of("site", new EventId("agent", "fw", 0))).put("log.syslog.hostname", "from-parser")
                .put("log.syslog.facility", "a value where the decoration expects an object");
        record.decoration().apply(draft);
        TelemetryEvent event = draft.build();
        assertThat(event.fields().string("log.syslog.hostname")).hasValue("from-parser");
        assertThat(event.fields().string("log.syslog.appname")).hasValue("app");
    }

    @Test
    void tcpWithOctetCountingAndNewlineFramingOnTheSameConnection() throws IOException {
        start(2048, 100);
        String counted = "<13>1 2026-03-01T08:00:00Z h app - - - multi\nline";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), input.tcpPort());
             OutputStream out = socket.getOutputStream()) {
            out.write((counted.getBytes(StandardCharsets.UTF_8).length + " " + counted).getBytes(StandardCharsets.UTF_8));
            out.write("<14>Mar  1 08:00:01 h app: newline framed\n".getBytes(StandardCharsets.UTF_8));
            out.write("<14>Mar  1 08:00:02 h app: crlf framed\r\n".getBytes(StandardCharsets.UTF_8));
        }
        List<InputRecord.Raw> records = pollUntil(3);
        assertThat(records).extracting(r -> r.raw().text()).containsExactly(counted,
                "<14>Mar  1 08:00:01 h app: newline framed", "<14>Mar  1 08:00:02 h app: crlf framed");
        assertThat(records.getFirst().raw().source()).startsWith("tcp://127.0.0.1:");
    }

    @Test
    void oversizedMessagesAreCutAndFlaggedOnBothTransports() throws IOException {
        start(512, 100);
        String huge = "<13>" + "A".repeat(100_000);
        sendUdp("<13>" + "B".repeat(2000));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), input.tcpPort());
             OutputStream out = socket.getOutputStream()) {
            out.write((huge + "\n<13>small\n").getBytes(StandardCharsets.UTF_8));
        }
        List<InputRecord.Raw> records = pollUntil(3);
        assertThat(records).filteredOn(r -> r.raw().truncated()).hasSize(2)
                .allSatisfy(r -> assertThat(r.raw().text()).hasSize(512));
        assertThat(records).extracting(r -> r.raw().text()).contains("<13>small");
    }

    @Test
    void aUdpFloodIsBoundedByTheQueueAndTheOverflowIsCounted() throws Exception {
        start(2048, 50);
        String[] flood = new String[3000];
        java.util.Arrays.setAll(flood, i -> "<13>flood " + i);
        sendUdp(flood); // nobody polls meanwhile

        await().atMost(Duration.ofSeconds(20)).until(() -> dropped.get() > 0);
        List<InputRecord> queued = input.poll(10_000, Duration.ofMillis(10));
        assertThat(queued).hasSizeLessThanOrEqualTo(50);
        sendUdp("<13>after the flood");
        await().atMost(Duration.ofSeconds(20)).until(() -> input.poll(10_000, Duration.ofMillis(50)).stream()
                .anyMatch(r -> ((InputRecord.Raw) r).raw().text().equals("<13>after the flood")));
    }

    @Test
    void aTcpSenderFasterThanThePipelineIsSlowedDownNotDropped() throws Exception {
        start(2048, 10);
        int count = 2000;
        Thread sender = Thread.ofPlatform().start(() -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), input.tcpPort());
                 OutputStream out = socket.getOutputStream()) {
                for (int i = 0; i < count; i++) {
                    out.write(("<13>message " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<InputRecord.Raw> records = pollUntil(count);
        sender.join();
        assertThat(dropped.get()).isZero();
        assertThat(records).extracting(r -> r.raw().text()).first().isEqualTo("<13>message 0");
        assertThat(records).extracting(r -> r.raw().text()).last().isEqualTo("<13>message " + (count - 1));
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedWhileOthersKeepWorking() throws IOException {
        start(2048, 100);
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) { // the limit is 4
                idle.add(new Socket(InetAddress.getLoopbackAddress(), input.tcpPort()));
            }
            sendUdp("<13>udp still works");
            assertThat(pollUntil(1).getFirst().raw().text()).isEqualTo("<13>udp still works");
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }
}
