/** The city's units (a tree by parent code) and the domains their servers may name. May depend on {@code ra}. */
package com.ramparts.pki.ra.unit;
