/** Expiry tracking: which valid certificates end within N days (scoped like requests), as a query, an endpoint and a daily log report. May depend on {@code ra}. */
package com.ramparts.pki.ra.expiry;
