/**
 * Pages whose capability is not built yet (rules, certificates, requests, drills): each
 * shows what it will do and which capability brings it, never sample data. Each page moves to a
 * package of its own when its backend arrives. May depend on {@code web}.
 */
package com.ramparts.soc.web.pending;
