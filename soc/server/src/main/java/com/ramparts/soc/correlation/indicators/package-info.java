/**
 * IOC lists in the correlator: {@link com.ramparts.soc.correlation.indicators.IndicatorCatalog}
 * loads the indicator directory with the detection engine's {@code ioc} package and reloads it
 * when a file changes (a broken file is reported and the others load), and
 * {@link com.ramparts.soc.correlation.indicators.IndicatorsController} shows what loaded and what
 * did not. The stream processor matches every event against the current set. May depend on the
 * detection engine and Spring Web/Security. Described in docs/indicators.md.
 */
package com.ramparts.soc.correlation.indicators;
