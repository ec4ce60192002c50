/**
 * Facts about and changes to the host: whether we are root, the unprivileged service user and the
 * command prefix that drops to it, and whether a TCP port is free.
 *
 * <p>Depends on the JDK only.
 */
package com.ramparts.runtime.host;
