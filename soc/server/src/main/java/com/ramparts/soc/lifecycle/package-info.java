/**
 * Running soc's long-lived consumers (the indexer, the incident builder) on threads of their own:
 * start, ask to stop, wait, interrupt. May depend on the JDK only.
 */
package com.ramparts.soc.lifecycle;
