/**
 * The sites page: every registered site the viewer may see, with its unit, the sources it is expected
 * to send and when each last sent (a terms/max aggregation over the event indices), and whether the
 * site is online, silent or offline. May depend on {@code web}, {@code site} and opensearch-java.
 */
package com.ramparts.soc.web.sites;
