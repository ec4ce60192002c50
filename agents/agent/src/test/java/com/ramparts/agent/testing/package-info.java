/** Test helpers: a trivial line parser, and readers of what reached the spool and Kafka. */
package com.ramparts.agent.testing;
