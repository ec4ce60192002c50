/**
 * The alert as published on {@code soc.alerts}: {@link com.ramparts.soc.correlation.alert.AlertMessage}
 * (schema in docs/soc-correlation.md) and {@link com.ramparts.soc.correlation.alert.AlertMessages},
 * which builds one from a detection match, a correlation alert or an absence, with a deterministic
 * id. Uses the detection engine's model and Jackson.
 */
package com.ramparts.soc.correlation.alert;
