package com.ramparts.soc.web.sites;

import com.ramparts.soc.site.SiteRegistry;
import com.ramparts.soc.web.DashboardProperties;
import com.ramparts.soc.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sites and units page. */
@Controller
class SitesController {

    private final SiteStatusService service;
    private final DashboardProperties properties;
    private final SiteRegistry registry;

    SitesController(SiteStatusService service, DashboardProperties properties, SiteRegistry registry) {
        this.service = service;
        this.properties = properties;
        this.registry = registry;
    }

    @GetMapping("/sites")
    String sites(Authentication authentication, Model model) {
        model.addAttribute("report", service.report(Viewer.of(authentication).scope()));
        model.addAttribute("offlineMinutes", properties.siteOfflineAfter().toMinutes());
        model.addAttribute("silentHours", properties.sourceSilentAfter().toHours());
        model.addAttribute("lookbackDays", properties.siteLookback().toDays());
        model.addAttribute("isolations", registry.isolations()); // sites isolated from an incident (a response action)
        return "sites/page";
    }
}
