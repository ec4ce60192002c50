package com.ramparts.agent.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * What is happening at one site now, decided by the site's own random stream: an attack in
 * progress (an outside address brute-forcing SSH or RDP), malware arriving, the backup failing,
 * the firewall not logging. Each starts with a small chance per minute and lasts a few minutes.
 */
final class Scenario {

    /** Chances per simulated minute. */
    private static final double ATTACK = 0.02;
    private static final double MALWARE = 0.01;
    private static final double BACKUP_FAILS = 0.01;
    private static final double FIREWALL_SILENT = 0.003;

    private final Random random;
    private Instant nextDecision;
    private Instant attackUntil = Instant.MIN;
    private Instant firewallSilentUntil = Instant.MIN;
    private boolean malwareForIds;
    private boolean malwareForAntivirus;
    private boolean backupFailing;
    private String attacker = "203.0.113.7";

    Scenario(Random random) {
        this.random = random;
    }

    /** Moves the site's story on to {@code now}: one decision per elapsed minute. */
    synchronized void advance(Instant now) {
        if (nextDecision == null) {
            nextDecision = now;
        }
        while (!nextDecision.isAfter(now)) {
            if (random.nextDouble() < ATTACK) {
                attackUntil = nextDecision.plus(Duration.ofMinutes(2 + random.nextInt(6)));
                attacker = (random.nextBoolean() ? "203.0.113." : "198.51.100.") + (2 + random.nextInt(250));
            }
            if (random.nextDouble() < MALWARE) {
                malwareForIds = true;
                malwareForAntivirus = true;
            }
            if (random.nextDouble() < BACKUP_FAILS) {
                backupFailing = !backupFailing;
            }
            if (random.nextDouble() < FIREWALL_SILENT) {
                firewallSilentUntil = nextDecision.plus(Duration.ofMinutes(5 + random.nextInt(20)));
            }
            nextDecision = nextDecision.plus(Duration.ofMinutes(1));
        }
    }

    synchronized boolean underAttack(Instant now) {
        return now.isBefore(attackUntil);
    }

    synchronized String attacker() {
        return attacker;
    }

    /** True once per malware arrival for the IDS (which sees the download). */
    synchronized boolean takeMalwareForIds() {
        boolean pending = malwareForIds;
        malwareForIds = false;
        return pending;
    }

    /** True once per malware arrival for the antivirus (which finds the file). */
    synchronized boolean takeMalwareForAntivirus() {
        boolean pending = malwareForAntivirus;
        malwareForAntivirus = false;
        return pending;
    }

    synchronized boolean backupFailing() {
        return backupFailing;
    }

    synchronized boolean firewallSilent(Instant now) {
        return now.isBefore(firewallSilentUntil);
    }
}
