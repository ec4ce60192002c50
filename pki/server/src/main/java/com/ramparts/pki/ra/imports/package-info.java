/**
 * CSV import of units and staff: strict UTF-8 (a BOM is tolerated), RFC 4180 quoting, every bad row
 * reported with its line, column and reason, nothing imported if any row is bad, re-import idempotent.
 * May depend on {@code ra.unit}, {@code ra.staff}, {@code audit}.
 */
package com.ramparts.pki.ra.imports;
