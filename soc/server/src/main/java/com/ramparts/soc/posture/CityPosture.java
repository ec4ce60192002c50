package com.ramparts.soc.posture;

import java.time.Instant;
import java.util.List;

/**
 * The city-wide picture at {@code at}.
 *
 * @param unitsSyncedAt when units were last synced from pki by this instance, null if not since start
 */
public record CityPosture(Instant at, Shares shares, List<DistrictPosture> districts, Instant unitsSyncedAt) {
}
