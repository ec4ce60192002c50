/**
 * A single-node OpenSearch from the Maven Central distribution zip: unpacked once, configured per
 * instance (its own config, data and log directories), run as a child process, and probed for
 * health. Under root it runs as an unprivileged service user, because OpenSearch refuses root.
 *
 * <p>Depends on {@link com.ramparts.runtime.process} and {@link com.ramparts.runtime.host}.
 */
package com.ramparts.runtime.opensearch;
