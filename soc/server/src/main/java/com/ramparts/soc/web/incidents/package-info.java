/**
 * The incident pages: the queue (filters by status and severity, most severe first, SLA state) and one incident
 * with its alerts, history and the analyst's actions (acknowledge, change status, note), as forms posted with
 * CSRF tokens; the queue's free-text search; response actions with a confirmation step ({@code ResponsePagesController}).
 * Only ANALYST and ADMIN reach them ({@link com.ramparts.soc.web.Page#INCIDENTS}). May depend on {@code incident},
 * {@code incident.search}, {@code response} and {@code web}.
 */
package com.ramparts.soc.web.incidents;
