package com.ramparts.soc.web.events;

import com.ramparts.soc.site.Site;
import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.soc.web.DashboardProperties;
import com.ramparts.soc.web.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** What the events page and the events API share: validation with the configured limits, messages, the site list. */
@Component
class SearchSupport {

    private final EventQueryParser parser;
    private final DashboardProperties properties;
    private final MessageSource messages;
    private final SiteRegistry sites;
    private final Clock clock = Clock.systemUTC();

    SearchSupport(DashboardProperties properties, MessageSource messages, SiteRegistry sites) {
        this.parser = new EventQueryParser(properties.maxQueryLength());
        this.properties = properties;
        this.messages = messages;
        this.sites = sites;
    }

    EventSearch validate(EventSearchForm form) {
        return form.validate(parser, properties.timeZone(), clock.instant());
    }

    String message(BadSearchException refused) {
        return messages.getMessage(refused.messageKey(), refused.arguments(), LocaleContextHolder.getLocale());
    }

    List<Site> sitesIn(Scope scope) {
        return sites.all().stream().filter(site -> scope.includes(site.unitId())).toList();
    }
}
