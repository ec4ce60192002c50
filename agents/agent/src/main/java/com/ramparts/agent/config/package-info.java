/**
 * The agent's one configuration file: YAML read with snakeyaml-engine into the typed
 * {@link com.ramparts.agent.config.AgentConfig}, validated at start-up (and by
 * {@code --check-config}) with every problem reported against its key and line.
 *
 * <p>Depends on snakeyaml-engine and the spool's policy enums; nothing else of the agent.
 */
package com.ramparts.agent.config;
