/**
 * The incident pages: the queue (filters by status and severity, most severe first, SLA state) and one incident
 * with its alerts, history and the analyst's actions (acknowledge, change status, note), as forms posted with
 * CSRF tokens. Only ANALYST and ADMIN reach them ({@link com.ramparts.soc.web.Page#INCIDENTS}). May depend on
 * {@code incident} and {@code web}.
 */
package com.ramparts.soc.web.incidents;
