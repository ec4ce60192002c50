package com.ramparts.agent.health;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What the heartbeat says about the host, read once at start-up.
 *
 * @param hostname     the host's name
 * @param osType       e.g. {@code linux}
 * @param osName       e.g. {@code Linux}
 * @param osVersion    the kernel version
 * @param architecture e.g. {@code amd64}
 * @param cpuCount     processors available to the agent
 * @param memoryBytes  physical memory, or -1 if unknown
 */
public record HostFacts(String hostname, String osType, String osName, String osVersion, String architecture,
                        int cpuCount, long memoryBytes) {

    public static HostFacts current() {
        String osName = System.getProperty("os.name", "unknown");
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new HostFacts(localHostname(), osName.toLowerCase(Locale.ROOT).split(" ")[0], osName,
                System.getProperty("os.version", "unknown"), System.getProperty("os.arch", "unknown"),
                Runtime.getRuntime().availableProcessors(), memory);
    }

    private static String localHostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
