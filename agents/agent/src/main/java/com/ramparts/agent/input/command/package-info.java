/**
 * The periodic command input: runs a program directly (no shell, so nothing in the
 * configuration is ever interpreted by one), with a timeout and bounded output, and feeds the
 * output to the parser as one record or one per line. A failed or timed-out run becomes a
 * {@code pipeline_error} event, so "the backup check stopped working" is visible too.
 */
package com.ramparts.agent.input.command;
