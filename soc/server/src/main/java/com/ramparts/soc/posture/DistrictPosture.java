package com.ramparts.soc.posture;

/** A district (or department) and the shares over its units. */
public record DistrictPosture(String districtId, String name, String nameEn, Shares shares) {
}
