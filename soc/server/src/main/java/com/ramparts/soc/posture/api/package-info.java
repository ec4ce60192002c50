/**
 * {@code /api/v1/posture}: the city, districts, units, sites and history as JSON, scoped by role (a REQUESTER sees
 * its own unit and its sites only; the city and district views are not theirs). Refusals are {@code {code, message}}
 * with stable codes. May depend on {@code soc.posture}, {@code soc.account} and Spring MVC.
 */
package com.ramparts.soc.posture.api;
