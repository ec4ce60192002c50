package com.ramparts.agent.parse.veeam;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Numbers;
import com.ramparts.agent.parse.common.SyslogHeader;
import com.ramparts.agent.parse.common.Texts;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Veeam syslog message: {@code <PRI>1 TIMESTAMP HOST Veeam_MP - - [origin enterpriseId="31023"]
 * [categoryId=0 instanceId=190 JobName="..." JobResult="0" ... Description="..."]}.
 */
public final class VeeamParser extends BoundedParser {

    public static final String FORMAT = "veeam";

    private final ZoneId zone;

    public VeeamParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        // Veeam's own examples omit the PRI; syslog receivers keep it
        String line = text.startsWith("1 ") ? "<14>" + text : text;
        SyslogHeader header = SyslogHeader.parse(line, zone, record.receivedAt());
        if (header == null || header.structuredData() == null) {
            throw new ParseException("not a Veeam syslog event: expected RFC 5424 with structured data");
        }
        Map<String, String> sd = params(header.structuredData());
        String instance = sd.get("instanceId");
        if (instance == null) {
            throw new ParseException("not a Veeam syslog event: its structured data has no instanceId");
        }
        Draft draft = Draft.at(header.timestamp(), text)
                .source("veeam", "veeam.job", "Veeam", "Veeam Backup & Replication", "backup");
        draft.put("event.code", instance);
        draft.put("observer.hostname", sd.getOrDefault("VbrHostName", header.host()));
        draft.put("observer.version", sd.get("VbrVersion"));
        draft.put("message", sd.getOrDefault("Description", header.message()));
        draft.put("backup.job.name", sd.get("JobName"));
        draft.put("backup.job.id", sd.get("JobID"));
        draft.put("backup.session_id", sd.get("JobSessionID"));
        draft.put("backup.object.name", sd.get("VmName"));
        draft.put("host.name", sd.get("SourceHostName"));
        if (sd.containsKey("TransferredGb")) {
            draft.put("backup.bytes.transferred", Math.round(Numbers.decimal("TransferredGb", sd.get("TransferredGb")) * 1e9));
        }
        if (sd.containsKey("WillBeRetried")) {
            draft.put("backup.will_retry", Boolean.parseBoolean(sd.get("WillBeRetried")));
        }
        classify(instance, sd, draft);
        out.add(draft);
    }

    private static void classify(String instance, Map<String, String> sd, Draft draft) throws ParseException {
        String result = sd.get("JobResult");
        String status = sd.get("Status");
        if (result != null) {
            // job results: 0 Success, 1 Warning, 2 Failed
            long code = Numbers.whole("JobResult", result);
            draft.classify("event", List.of("file"), List.of(code == 2 ? "error" : "info"));
            draft.put("event.action", "backup-job-finished");
            draft.put("event.outcome", code == 2 ? "failure" : "success");
            draft.put("backup.result", code == 0 ? "success" : code == 1 ? "warning" : code == 2 ? "failed" : result);
        } else if (status != null && instance.equals("150")) {
            // task status: 0 Success, 2 Failed, 3 Warning, 5 In progress, 6 Pending
            long code = Numbers.whole("Status", status);
            draft.classify("event", List.of("file"), List.of(code == 2 ? "error" : "info"));
            draft.put("event.action", "backup-task-finished");
            draft.put("event.outcome", code == 2 ? "failure" : code == 0 || code == 3 ? "success" : "unknown");
            draft.put("backup.result", code == 0 ? "success" : code == 3 ? "warning" : code == 2 ? "failed" : status);
        } else {
            draft.classify("event", List.of("file"), List.of("info"));
            draft.put("event.action", "veeam-event");
        }
    }

    /** The parameters of every SD element; values quoted or bare (Veeam writes both), {@code \"} unescaped. */
    static Map<String, String> params(String sd) throws ParseException {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = sd.length();
        while (i < n) {
            char c = sd.charAt(i);
            if (c == '[') {
                i = sd.indexOf(' ', i); // skip the SD-ID
                if (i < 0) {
                    break;
                }
                continue;
            }
            if (c == ' ' || c == ']') {
                i++;
                continue;
            }
            int eq = sd.indexOf('=', i);
            if (eq < 0) {
                throw new ParseException("structured data parameter without '=': '" + Texts.shorten(sd.substring(i)) + "'");
            }
            String key = sd.substring(i, eq).trim();
            int v = eq + 1;
            StringBuilder value = new StringBuilder();
            if (v < n && sd.charAt(v) == '"') {
                int j = v + 1;
                for (; j < n && sd.charAt(j) != '"'; j++) {
                    if (sd.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    value.append(sd.charAt(j));
                }
                if (j >= n) {
                    throw new ParseException("structured data value of '" + Texts.shorten(key) + "' is not closed");
                }
                i = j + 1;
            } else {
                int j = v;
                while (j < n && sd.charAt(j) != ' ' && sd.charAt(j) != ']') {
                    value.append(sd.charAt(j++));
                }
                i = j;
            }
            if (params.size() < 200) {
                params.putIfAbsent(key, value.toString());
            }
        }
        return params;
    }
}
