package com.ramparts.agent.input.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SyslogHeaderParserTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant RECEIVED = Instant.parse("2026-03-01T02:00:00Z");
    private final SyslogHeaderParser parser = new SyslogHeaderParser(HANOI);

    @Test
    void rfc5424WithStructuredDataAndBom() {
        SyslogMessage m = parser.parse("<165>1 2026-03-01T08:15:30.123+07:00 fw01.ward3 veeam 4242 JOB_END "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"App\\\"lication\"][meta x=\"]\"] \uFEFFJob finished", RECEIVED);

        assertThat(m.version()).isEqualTo(1);
        assertThat(m.facility()).isEqualTo(20);
        assertThat(m.severity()).isEqualTo(5);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-03-01T01:15:30.123Z"));
        assertThat(m.hostname()).isEqualTo("fw01.ward3");
        assertThat(m.appName()).isEqualTo("veeam");
        assertThat(m.procId()).isEqualTo("4242");
        assertThat(m.msgId()).isEqualTo("JOB_END");
        assertThat(m.structuredData()).isEqualTo("[exampleSDID@32473 iut=\"3\" eventSource=\"App\\\"lication\"]"
                + "[meta x=\"]\"]");
        assertThat(m.message()).isEqualTo("Job finished");
    }

    @Test
    void rfc5424WithNilValuesAndNoMessage() {
        SyslogMessage m = parser.parse("<14>1 - - - - - -", RECEIVED);
        assertThat(m.version()).isEqualTo(1);
        assertThat(m.timestamp()).isNull();
        assertThat(m.hostname()).isNull();
        assertThat(m.appName()).isNull();
        assertThat(m.structuredData()).isNull();
        assertThat(m.message()).isEmpty();
    }

    @Test
    void rfc3164WithTagPidAndLocalTimeWithoutYear() {
        SyslogMessage m = parser.parse("<4>Mar  1 08:15:30 gw kernel[0]: [UFW BLOCK] IN=eth0 SRC=10.0.0.5", RECEIVED);

        assertThat(m.version()).isZero();
        assertThat(m.facility()).isZero();
        assertThat(m.severity()).isEqualTo(4);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-03-01T01:15:30Z"));
        assertThat(m.hostname()).isEqualTo("gw");
        assertThat(m.appName()).isEqualTo("kernel");
        assertThat(m.procId()).isEqualTo("0");
        assertThat(m.message()).isEqualTo("[UFW BLOCK] IN=eth0 SRC=10.0.0.5");
    }

    @Test
    void aDecemberMessageReceivedInJanuaryBelongsToTheYearBefore() {
        SyslogMessage m = parser.parse("<13>Dec 31 23:59:58 host app: bye",
                Instant.parse("2026-12-31T17:00:01Z")); // 00:00:01 on 1 January 2027 in Hanoi
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-12-31T16:59:58Z"));
    }

    @Test
    void rfc3164VariantsCiscoYearIsoTimestampAndNoHostname() {
        SyslogMessage asa = parser.parse("<166>Mar 01 2026 08:15:30 asa01 : %ASA-6-302013: Built outbound TCP",
                RECEIVED);
        assertThat(asa.timestamp()).isEqualTo(Instant.parse("2026-03-01T01:15:30Z"));
        assertThat(asa.hostname()).isEqualTo("asa01");

        SyslogMessage iso = parser.parse("<30>2026-03-01T08:15:30.5+07:00 nas restic: snapshot saved", RECEIVED);
        assertThat(iso.timestamp()).isEqualTo(Instant.parse("2026-03-01T01:15:30.5Z"));
        assertThat(iso.hostname()).isEqualTo("nas");
        assertThat(iso.appName()).isEqualTo("restic");
        assertThat(iso.message()).isEqualTo("snapshot saved");

        SyslogMessage noHost = parser.parse("<13>Mar  1 08:15:30 sshd[77]: Accepted publickey", RECEIVED);
        assertThat(noHost.hostname()).isNull();
        assertThat(noHost.appName()).isEqualTo("sshd");
        assertThat(noHost.procId()).isEqualTo("77");
        assertThat(noHost.message()).isEqualTo("Accepted publickey");
    }

    @Test
    void textWithoutAValidHeaderIsKeptWholeAsTheMessage() {
        for (String text : new String[] {"no header at all", "<999>1 too big", "<>empty", "<12", "", "<1a>x"}) {
            SyslogMessage m = parser.parse(text, RECEIVED);
            assertThat(m.priority()).as(text).isEqualTo(-1);
            assertThat(m.message()).as(text).isEqualTo(text);
        }
    }

    @Test
    void garbageAfterAValidPriorityNeverThrows() {
        for (String text : new String[] {"<13>", "<13>1", "<13>1 ", "<13>Mar", "<13>Zzz 99 99:99:99 h t: m",
                "<13>1 2026-99-99T00:00:00Z h a p m [unterminated", "<13>\u0000\uFFFD binary"}) {
            SyslogMessage m = parser.parse(text, RECEIVED);
            assertThat(m.priority()).as(text).isEqualTo(13);
            assertThat(m.message()).as(text).isNotNull();
        }
    }
}
