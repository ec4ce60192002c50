package com.ramparts.agent.parse;

import com.ramparts.agent.parse.asa.AsaParser;
import com.ramparts.agent.parse.borg.BorgParser;
import com.ramparts.agent.parse.clamav.ClamdLogParser;
import com.ramparts.agent.parse.clamav.ClamscanParser;
import com.ramparts.agent.parse.clamav.FreshclamLogParser;
import com.ramparts.agent.parse.defender.DefenderEventParser;
import com.ramparts.agent.parse.filterlog.FilterlogParser;
import com.ramparts.agent.parse.fortigate.FortiGateParser;
import com.ramparts.agent.parse.iptables.NetfilterLogParser;
import com.ramparts.agent.parse.restic.ResticParser;
import com.ramparts.agent.parse.suricata.EveParser;
import com.ramparts.agent.parse.veeam.VeeamParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.function.Function;

/**
 * Every format a configuration or {@code parse --type} can name, with how its input is framed and how
 * to make a parser. A parser may keep state across records, so each input gets its own instance.
 */
public final class Parsers {

    /**
     * One format.
     *
     * @param name        the name used in configuration, e.g. {@code suricata-eve}
     * @param description what product output it reads, for {@code --help} and error messages
     * @param framing     how a file of this format divides into records
     * @param factory     makes a fresh parser for one input
     */
    public record Format(String name, String description, Framing framing,
                         Function<ParserSettings, RecordParser> factory) {

        public Format {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(framing, "framing");
            Objects.requireNonNull(factory, "factory");
        }

        public RecordParser create(ParserSettings settings) {
            return factory.apply(Objects.requireNonNull(settings, "settings"));
        }
    }

    private static final SequencedMap<String, Format> FORMATS = new LinkedHashMap<>();

    static {
        add(EveParser.FORMAT, "Suricata EVE JSON (eve.json)", Framing.LINES, s -> new EveParser());
        add(NetfilterLogParser.FORMAT, "Linux iptables/nftables kernel LOG lines (dmesg, syslog, journalctl)",
                Framing.LINES, s -> new NetfilterLogParser(s.localZone()));
        add(FilterlogParser.PFSENSE, "pfSense filterlog CSV (syslog)", Framing.LINES,
                s -> new FilterlogParser(FilterlogParser.PFSENSE, s.localZone()));
        add(FilterlogParser.OPNSENSE, "OPNsense filterlog CSV (syslog)", Framing.LINES,
                s -> new FilterlogParser(FilterlogParser.OPNSENSE, s.localZone()));
        add(FortiGateParser.FORMAT, "FortiGate key=value syslog", Framing.LINES, s -> new FortiGateParser(s.localZone()));
        add(AsaParser.FORMAT, "Cisco ASA syslog (%ASA-n-nnnnnn)", Framing.LINES, s -> new AsaParser(s.localZone()));
        add(ClamdLogParser.FORMAT, "ClamAV clamd log (clamd.log)", Framing.LINES, s -> new ClamdLogParser(s.localZone()));
        add(ClamscanParser.FORMAT, "ClamAV clamscan/clamdscan output", Framing.LINES, s -> new ClamscanParser(s.localZone()));
        add(FreshclamLogParser.FORMAT, "ClamAV freshclam log and version lines", Framing.LINES,
                s -> new FreshclamLogParser(s.localZone()));
        add(DefenderEventParser.FORMAT, "Windows Defender events exported as JSON", Framing.JSON_VALUES,
                s -> new DefenderEventParser());
        add(ResticParser.FORMAT, "restic backup --json and snapshots --json", Framing.LINES,
                s -> new ResticParser());
        add(BorgParser.FORMAT, "borg create/info/list --json and --log-json", Framing.JSON_VALUES,
                s -> new BorgParser(s.localZone()));
        add(VeeamParser.FORMAT, "Veeam Backup & Replication job syslog (RFC 5424)", Framing.LINES,
                s -> new VeeamParser(s.localZone()));
    }

    private Parsers() {
    }

    private static void add(String name, String description, Framing framing, Function<ParserSettings, RecordParser> factory) {
        FORMATS.put(name, new Format(name, description, framing, factory));
    }

    /** All formats, in a stable order. */
    public static SequencedMap<String, Format> all() {
        return java.util.Collections.unmodifiableSequencedMap(FORMATS);
    }

    /**
     * @throws IllegalArgumentException naming the known formats when {@code name} is not one
     */
    public static Format format(String name) {
        Format format = FORMATS.get(name);
        if (format == null) {
            throw new IllegalArgumentException("unknown format '" + name + "'; known formats: "
                    + String.join(", ", FORMATS.keySet()));
        }
        return format;
    }

    /** A fresh parser for one input of the named format. */
    public static RecordParser create(String name, ParserSettings settings) {
        return format(name).create(settings);
    }

    /** The names as a map to their descriptions, for help texts. */
    public static Map<String, String> descriptions() {
        Map<String, String> names = new LinkedHashMap<>();
        FORMATS.forEach((name, format) -> names.put(name, format.description()));
        return names;
    }
}
