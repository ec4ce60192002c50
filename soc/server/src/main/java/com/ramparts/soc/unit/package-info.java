/**
 * soc's copy of pki's unit registry: each unit's id, names, parent, district and contact, and the state of its
 * signing certificate (the seal) from pki's certificate inventory. {@link com.ramparts.soc.unit.UnitSync} fetches
 * both from pki's REST API with an API token, periodically and idempotently, and never changes the copy when a
 * fetch fails; {@link com.ramparts.soc.unit.UnitDirectory} serves the copy from memory. May depend on Spring JDBC,
 * Jackson and {@code soc.config}; nothing in soc may write units but the sync.
 */
package com.ramparts.soc.unit;
