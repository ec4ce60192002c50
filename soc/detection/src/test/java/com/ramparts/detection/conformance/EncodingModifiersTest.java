package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.firewall;
import static com.ramparts.detection.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Modifiers base64, base64offset and utf16le / utf16be / utf16 / wide. */
class EncodingModifiersTest {

    private static boolean cmd(String key, String value, String commandLine) {
        return matches("sel:\n  " + key + ": '" + value + "'\ncondition: sel\n",
                firewall("process.command_line", commandLine));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void base64MatchesTheEncodedValue() {
        String encoded = b64("http://evil.example".getBytes(StandardCharsets.UTF_8));
        assertThat(cmd("CommandLine|base64", "http://evil.example", encoded)).isTrue();
        assertThat(cmd("CommandLine|base64|contains", "http://evil.example", "echo " + encoded + " | base64 -d"))
                .isTrue();
        assertThat(cmd("CommandLine|base64", "http://evil.example", "http://evil.example")).isFalse();
    }

    @Test
    void base64offsetFindsTheValueAtAnyAlignment() {
        for (String prefix : new String[] {"", "a", "ab", "abc", "abcd"}) {
            String encoded = b64((prefix + "Invoke-Mimikatz -Dump").getBytes(StandardCharsets.UTF_8));
            assertThat(cmd("CommandLine|base64offset|contains", "Invoke-Mimikatz", "powershell -enc " + encoded))
                    .as("prefix '%s'", prefix).isTrue();
        }
        String other = b64("Invoke-WebRequest".getBytes(StandardCharsets.UTF_8));
        assertThat(cmd("CommandLine|base64offset|contains", "Invoke-Mimikatz", "powershell -enc " + other)).isFalse();
    }

    @Test
    void utf16leBeforeBase64offsetFindsPowershellEncodedCommands() {
        for (String prefix : new String[] {"", "x", "xy"}) {
            String encoded = b64((prefix + "IEX (New-Object Net.WebClient)").getBytes(StandardCharsets.UTF_16LE));
            assertThat(cmd("CommandLine|utf16le|base64offset|contains", "New-Object", "powershell -enc " + encoded))
                    .as("prefix '%s'", prefix).isTrue();
            assertThat(cmd("CommandLine|wide|base64offset|contains", "New-Object", "powershell -enc " + encoded))
                    .isTrue();
        }
        String ascii = b64("IEX (New-Object Net.WebClient)".getBytes(StandardCharsets.UTF_8));
        assertThat(cmd("CommandLine|utf16le|base64offset|contains", "New-Object", "powershell -enc " + ascii)).isFalse();
    }

    @Test
    void utf16beAndUtf16WithByteOrderMark() {
        String be = b64("secret".getBytes(StandardCharsets.UTF_16BE));
        assertThat(cmd("CommandLine|utf16be|base64", "secret", be)).isTrue();
        assertThat(cmd("CommandLine|utf16le|base64", "secret", be)).isFalse();
        byte[] le = "secret".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, withBom, 2, le.length);
        assertThat(cmd("CommandLine|utf16|base64", "secret", b64(withBom))).isTrue();
        assertThat(cmd("CommandLine|utf16|base64", "secret", b64(le))).isFalse();
    }

    @Test
    void utf16WithoutBase64MatchesWideText() {
        assertThat(cmd("CommandLine|wide|contains", "cmd", "x c\0m\0d\0 y")).isTrue();
        assertThat(cmd("CommandLine|wide|contains", "cmd", "x cmd y")).isFalse();
    }
}
