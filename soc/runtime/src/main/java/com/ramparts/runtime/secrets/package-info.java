/**
 * Secrets the appliance generates for itself on first start, kept in files only their owner can
 * read: the first administrator's credentials, shared by the launcher (which prints them once)
 * and the services (which accept them).
 *
 * <p>Depends on the JDK only.
 */
package com.ramparts.runtime.secrets;
