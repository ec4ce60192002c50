package com.ramparts.soc.posture;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything judged at one moment: each site, unit and district, and the city. */
public record PosturePicture(Instant at, List<SitePosture> sites, List<UnitPosture> units, List<DistrictPosture> districts,
                             Shares city) {

    /** Units whose district is unknown (sites name them, pki does not) are grouped under this id. */
    public static final String UNASSIGNED = "-";

    public Optional<UnitPosture> unit(String unitId) {
        return units.stream().filter(u -> u.unitId().equals(unitId)).findFirst();
    }

    public Optional<SitePosture> site(String siteId) {
        return sites.stream().filter(s -> s.siteId().equals(siteId)).findFirst();
    }

    public Optional<DistrictPosture> district(String districtId) {
        return districts.stream().filter(d -> d.districtId().equals(districtId)).findFirst();
    }
}
