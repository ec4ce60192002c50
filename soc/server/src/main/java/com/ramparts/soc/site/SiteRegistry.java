package com.ramparts.soc.site;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered sites. Writes go to the database; reads come from a snapshot taken at the last
 * {@link #refresh()} (or write; empty until the first), so a lookup per event is one map access. Other soc instances see a
 * write at their next refresh.
 */
@Component
public class SiteRegistry {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile Map<String, Site> snapshot = Map.of();
    private volatile Instant refreshedAt = Instant.EPOCH;

    SiteRegistry(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The site as of the last refresh. */
    public Optional<Site> find(String siteId) {
        return Optional.ofNullable(snapshot.get(siteId));
    }

    public List<Site> all() {
        return snapshot.values().stream().sorted(Comparator.comparing(Site::siteId)).toList();
    }

    public Instant refreshedAt() {
        return refreshedAt;
    }

    /** Registers a site or replaces its record, and refreshes the snapshot. */
    public void save(Site site) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from site where site_id = ?").param(site.siteId()).update();
            jdbc.sql("insert into site (site_id, unit_id, name, updated_at) values (?, ?, ?, ?)")
                    .params(site.siteId(), site.unitId(), site.name(), OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
            for (String dataset : site.expectedSources()) {
                jdbc.sql("insert into site_expected_source (site_id, dataset) values (?, ?)")
                        .params(site.siteId(), dataset).update();
            }
            for (int i = 0; i < site.contacts().size(); i++) {
                Site.Contact contact = site.contacts().get(i);
                jdbc.sql("insert into site_contact (site_id, position, name, email, phone) values (?, ?, ?, ?, ?)")
                        .params(site.siteId(), i, contact.name(), contact.email(), contact.phone()).update();
            }
        });
        refresh();
    }

    /** Re-reads every site from the database. */
    public void refresh() {
        Map<String, List<String>> sources = new HashMap<>();
        jdbc.sql("select site_id, dataset from site_expected_source order by site_id, dataset")
                .query(rs -> {
                    sources.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, List<Site.Contact>> contacts = new HashMap<>();
        jdbc.sql("select site_id, name, email, phone from site_contact order by site_id, position")
                .query(rs -> {
                    contacts.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(new Site.Contact(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        Map<String, Site> sites = new HashMap<>();
        jdbc.sql("select site_id, unit_id, name from site").query(rs -> {
            String id = rs.getString(1);
            sites.put(id, new Site(id, rs.getString(2), rs.getString(3),
                    sources.getOrDefault(id, List.of()), contacts.getOrDefault(id, List.of())));
        });
        snapshot = Map.copyOf(sites);
        refreshedAt = Instant.now();
    }

    /** Marks the site isolated; false if it already is. Read from the database, not the snapshot: every instance sees it at once. */
    public boolean isolate(SiteIsolation isolation) {
        try {
            return jdbc.sql("insert into site_isolation (site_id, incident_id, isolated_by, isolated_at, reason) values (?, ?, ?, ?, ?)")
                    .params(isolation.siteId(), isolation.incidentId(), isolation.isolatedBy(),
                            isolation.isolatedAt().atOffset(ZoneOffset.UTC), isolation.reason())
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Lifts the site's isolation; false if it was not isolated. */
    public boolean release(String siteId) {
        return jdbc.sql("delete from site_isolation where site_id = ?").param(siteId).update() == 1;
    }

    public Optional<SiteIsolation> isolation(String siteId) {
        return jdbc.sql("select site_id, incident_id, isolated_by, isolated_at, reason from site_isolation where site_id = ?")
                .param(siteId).query(SiteRegistry::isolationRow).optional();
    }

    /** Every isolated site, by site id. */
    public Map<String, SiteIsolation> isolations() {
        Map<String, SiteIsolation> all = new LinkedHashMap<>();
        jdbc.sql("select site_id, incident_id, isolated_by, isolated_at, reason from site_isolation order by site_id")
                .query(SiteRegistry::isolationRow).list().forEach(isolation -> all.put(isolation.siteId(), isolation));
        return all;
    }

    private static SiteIsolation isolationRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SiteIsolation(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5));
    }
}
