/**
 * The dashboard: server-rendered Thymeleaf pages with htmx and Apache ECharts from WebJars. This
 * package holds what every page shares: the page list and its role matrix ({@link com.ramparts.soc.web.Page}),
 * the viewer and the unit scope it is limited to, language switching, the layout's model and the
 * base query every event search starts from. One sub-package per page. May depend on {@code account},
 * {@code config}, and read {@code site} and {@code index} through their public classes.
 */
package com.ramparts.soc.web;
