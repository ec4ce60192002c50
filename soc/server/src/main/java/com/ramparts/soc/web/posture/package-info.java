/**
 * The posture page ({@code /posture}): the city's four shares by district with ECharts, drill-down to a district's
 * units and a unit's sites, and the history trend; and the posture tile of the overview. Reads
 * {@code soc.posture} only; a REQUESTER is always shown its own unit.
 */
package com.ramparts.soc.web.posture;
