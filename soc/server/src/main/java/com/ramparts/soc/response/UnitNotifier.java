package com.ramparts.soc.response;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.incident.Incident;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * E-mails an incident's summary to the unit's contacts, in Vietnamese then English (texts from the message bundles),
 * with a link to the incident on the dashboard. Goes through the SMTP server of {@code ramparts.soc.response.mail}.
 */
public class UnitNotifier {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));

    private final JavaMailSender sender;
    private final SocProperties.Response settings;
    private final MessageSource messages;

    /** @param sender null when no SMTP server is configured */
    public UnitNotifier(JavaMailSender sender, SocProperties.Response settings, MessageSource messages) {
        this.sender = sender;
        this.settings = settings;
        this.messages = messages;
    }

    public boolean configured() {
        return sender != null && settings.mail().configured();
    }

    /** The addresses that are valid e-mail addresses (RFC 822, strict); registry entries that are not are left out. */
    static List<InternetAddress> addresses(List<String> candidates) {
        List<InternetAddress> valid = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank() || candidate.length() > 320) {
                continue;
            }
            try {
                InternetAddress address = new InternetAddress(candidate.strip(), true);
                address.validate();
                if (valid.stream().noneMatch(a -> a.getAddress().equalsIgnoreCase(address.getAddress()))) {
                    valid.add(address);
                }
            } catch (AddressException e) {
                // a malformed contact address in the registry: skipped, the others still get the message
            }
        }
        return valid;
    }

    /** Sends the notification; throws {@link ResponseException} (MAIL_*) when it could not be handed to the server. */
    public void send(Incident incident, List<InternetAddress> to, String analyst, String note) {
        if (!configured()) {
            throw new ResponseException(ResponseException.Code.MAIL_NOT_CONFIGURED,
                    "soc has no SMTP server to send through: set ramparts.soc.response.mail.host");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.mail().from());
            helper.setTo(to.toArray(InternetAddress[]::new));
            helper.setSubject(subject(incident));
            helper.setText(body(incident, analyst, note), false);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new ResponseException(ResponseException.Code.MAIL_FAILED,
                    "the SMTP server " + settings.mail().host() + ":" + settings.mail().port() + " did not take the message: "
                            + e.getMessage(), e);
        }
    }

    String subject(Incident incident) {
        return "[Ramparts] " + text("response.mail.subject", VIETNAMESE, Long.toString(incident.id())) + " / "
                + text("response.mail.subject", Locale.ENGLISH, Long.toString(incident.id())) + ": " + oneLine(incident.title(), 200);
    }

    String body(Incident incident, String analyst, String note) {
        return part(incident, analyst, note, VIETNAMESE) + "\n\n----------------------------------------\n\n"
                + part(incident, analyst, note, Locale.ENGLISH);
    }

    private String part(Incident incident, String analyst, String note, Locale locale) {
        String link = stripSlash(settings.dashboardUrl().toString()) + "/incidents/" + incident.id();
        String body = text("response.mail.body", locale, Long.toString(incident.id()), oneLine(incident.title(), 500),
                text("incidents.severity." + Math.clamp(incident.severity(), 1, 5), locale),
                text("incidents.status." + incident.status().wire(), locale),
                dash(incident.siteId()), dash(incident.host()), dash(incident.unitId()),
                incident.firstAlertAt() == null ? "-" : TIME.format(incident.firstAlertAt()),
                incident.lastAlertAt() == null ? "-" : TIME.format(incident.lastAlertAt()),
                Integer.toString(incident.alertCount()), link, analyst);
        if (note != null && !note.isBlank()) {
            body += "\n\n" + text("response.mail.note", locale) + "\n" + note.strip();
        }
        return body;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Control characters (CR and LF above all) never reach a header or a one-line field. */
    private static String oneLine(String value, int max) {
        String clean = value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "-" : oneLine(value, 255);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
