/**
 * The front door: {@link com.ramparts.detection.load.RuleLoader} reads rule files and strings
 * (multi-document YAML), parses, links and compiles them, and returns a
 * {@link com.ramparts.detection.load.LoadReport} with the usable
 * {@link com.ramparts.detection.compile.RuleSet} and a {@link com.ramparts.detection.load.Problem}
 * for everything it had to leave out. A broken rule never stops the others.
 *
 * <p>Uses every other package of the engine; nothing in the engine uses it.
 */
package com.ramparts.detection.load;
