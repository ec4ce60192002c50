/**
 * Child processes of the appliance and of the test harness: starting a server detached from the
 * caller (its own session, output to a log file), remembering it in a pid file that survives the
 * caller, telling whether it still runs, and stopping it and everything it spawned.
 *
 * <p>Depends on the JDK only.
 */
package com.ramparts.runtime.process;
