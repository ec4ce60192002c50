/**
 * The rules command line: {@code rules lint}, {@code rules test} and {@code rules coverage} over a
 * library of Sigma files such as the repository's {@code rules/} directory.
 *
 * <p>{@link com.ramparts.detection.cli.RuleLibrary} finds the rule files (every {@code .yml} except
 * the {@code X.tests.yml} test files beside them), {@link com.ramparts.detection.cli.ConventionLinter}
 * checks our conventions on top of the loader's problems, {@link com.ramparts.detection.cli.RuleTestRunner}
 * replays each rule's test events through the engine, and {@link com.ramparts.detection.cli.Coverage}
 * tabulates ATT&amp;CK tactics, techniques and sources. The same classes back {@code RulesLibraryTest},
 * which makes the build fail when the library does not lint or its tests fail.
 */
package com.ramparts.detection.cli;
