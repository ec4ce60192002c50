package com.ramparts.detection.conformance;

import static com.ramparts.detection.Sigma.firewall;
import static com.ramparts.detection.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Modifiers contains, startswith, endswith, all, cased and windash. */
class StringModifiersTest {

    private static boolean cmd(String key, String values, String commandLine) {
        return matches("sel:\n  " + key + ": " + values + "\ncondition: sel\n",
                firewall("process.command_line", commandLine));
    }

    @Test
    void containsStartswithEndswith() {
        assertThat(cmd("CommandLine|contains", "'mimikatz'", "run Mimikatz.exe now")).isTrue();
        assertThat(cmd("CommandLine|contains", "'mimikatz'", "run notepad")).isFalse();
        assertThat(cmd("CommandLine|startswith", "'powershell'", "PowerShell -enc AAA")).isTrue();
        assertThat(cmd("CommandLine|startswith", "'powershell'", "cmd /c powershell")).isFalse();
        assertThat(cmd("CommandLine|endswith", "'.ps1'", "run evil.PS1")).isTrue();
        assertThat(cmd("CommandLine|endswith", "'.ps1'", "run evil.ps1.txt")).isFalse();
    }

    @Test
    void wildcardsInsideContainsStillWork() {
        assertThat(cmd("CommandLine|contains", "'net * /add'", "net user bob /add")).isTrue();
        assertThat(cmd("CommandLine|contains", "'net * /add'", "net user bob /delete")).isFalse();
    }

    @Test
    void allRequiresEveryValue() {
        assertThat(cmd("CommandLine|contains|all", "['-nop', '-enc']", "powershell -nop -w hidden -enc AAA")).isTrue();
        assertThat(cmd("CommandLine|contains|all", "['-nop', '-enc']", "powershell -nop")).isFalse();
        assertThat(cmd("CommandLine|contains", "['-nop', '-enc']", "powershell -nop")).isTrue();
    }

    @Test
    void casedMatchesCaseSensitively() {
        assertThat(cmd("CommandLine|cased", "'Invoke-Expression'", "Invoke-Expression")).isTrue();
        assertThat(cmd("CommandLine|cased", "'Invoke-Expression'", "invoke-expression")).isFalse();
        assertThat(cmd("CommandLine|contains|cased", "'IEX'", "powershell iex(x)")).isFalse();
        assertThat(cmd("CommandLine|contains|cased", "'IEX'", "powershell IEX(x)")).isTrue();
    }

    @Test
    void windashAcceptsEveryDashAndSlash() {
        String values = "' -exec bypass'";
        assertThat(cmd("CommandLine|windash|contains", values, "powershell -exec bypass")).isTrue();
        assertThat(cmd("CommandLine|windash|contains", values, "powershell /exec bypass")).isTrue();
        assertThat(cmd("CommandLine|windash|contains", values, "powershell \u2013exec bypass")).isTrue();
        assertThat(cmd("CommandLine|windash|contains", values, "powershell \u2014exec bypass")).isTrue();
        assertThat(cmd("CommandLine|windash|contains", values, "powershell \u2015exec bypass")).isTrue();
        assertThat(cmd("CommandLine|windash|contains", values, "powershell +exec bypass")).isFalse();
        assertThat(cmd("CommandLine|contains", values, "powershell /exec bypass")).isFalse();
    }

    @Test
    void windashLeavesDashesInsideWordsAlone() {
        // only the dash that starts a parameter varies; "a-b" keeps its dash
        assertThat(cmd("CommandLine|windash|contains", "' -file a-b.ps1'", "x /file a-b.ps1")).isTrue();
        assertThat(cmd("CommandLine|windash|contains", "' -file a-b.ps1'", "x /file a/b.ps1")).isFalse();
    }
}
