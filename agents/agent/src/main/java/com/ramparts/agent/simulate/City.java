package com.ramparts.agent.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The sites of the simulated city, named like a Vietnamese city's agencies: departments
 * ({@code so-...}), district people's committees ({@code quan-...}) and ward offices
 * ({@code quan-1-phuong-ben-nghe}). Site ids follow pki's rule (a-z 0-9 -).
 */
final class City {

    private static final String[] DEPARTMENTS = {"so-tttt", "so-tai-chinh", "so-y-te", "so-gddt", "so-xay-dung",
        "so-tnmt", "so-ldtbxh", "so-gtvt", "so-tu-phap", "so-noi-vu"};
    private static final String[] DISTRICTS = {"quan-1", "quan-3", "quan-5", "quan-10", "binh-thanh", "go-vap",
        "phu-nhuan", "tan-binh", "thu-duc", "binh-chanh"};
    private static final String[] WARDS = {"phuong-1", "phuong-2", "phuong-3", "phuong-4", "phuong-5", "phuong-6",
        "phuong-7", "phuong-8", "phuong-9", "phuong-10", "phuong-11", "phuong-12"};

    /** One site: id, unit, kind, and whether its firewall is a FortiGate (else Linux iptables). */
    record Site(int index, String id, String unitId, String kind, boolean fortigate) {
    }

    private City() {
    }

    /** The first {@code n} sites: the departments and districts first, then their wards. */
    static List<Site> sites(int n) {
        List<Site> sites = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sites.add(site(i));
        }
        return sites;
    }

    static Site site(int i) {
        int heads = DEPARTMENTS.length + DISTRICTS.length;
        if (i < DEPARTMENTS.length) {
            return new Site(i, DEPARTMENTS[i], DEPARTMENTS[i], "department", true);
        }
        if (i < heads) {
            String district = DISTRICTS[i - DEPARTMENTS.length];
            return new Site(i, district, district, "district", true);
        }
        int ward = i - heads;
        String district = DISTRICTS[ward % DISTRICTS.length];
        String name = WARDS[(ward / DISTRICTS.length) % WARDS.length];
        int round = ward / (DISTRICTS.length * WARDS.length);
        String id = district + "-" + name + (round == 0 ? "" : "-" + (round + 1));
        return new Site(i, id, district, "ward", false);
    }
}
