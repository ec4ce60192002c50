/**
 * The site registry soc owns: each site's id, the unit it belongs to, its name, the datasets it is
 * expected to send and whom to contact. Kept in SQL (Flyway, {@code db/migration}) and read by the
 * ingest path from an in-memory snapshot, so enrichment never waits on the database. Sites marked isolated by a
 * response action ({@link com.ramparts.soc.site.SiteIsolation}) are read from the database directly. May depend on
 * Spring JDBC only.
 */
package com.ramparts.soc.site;
