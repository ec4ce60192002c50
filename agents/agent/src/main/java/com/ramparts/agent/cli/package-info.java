/**
 * The agent's command line: {@code run} (the agent itself, or {@code --check-config}),
 * {@code parse} (a file through one parser, as NDJSON: how users debug a parser and how tests
 * drive every parser), {@code enroll} (the client certificate from pki over EST), {@code simulate}
 * (a city of virtual sites) and {@code --version}.
 *
 * <p>May depend on every other package of the agent.
 */
package com.ramparts.agent.cli;
