/**
 * The real-server test harness. Each server is started once per test JVM, on first use, and
 * stopped when the JVM exits: an in-process KRaft Kafka broker ({@link TestKafka}), an OpenSearch
 * node from the same Maven distribution the appliance runs ({@link TestOpenSearch}), and a fresh
 * schema in the machine's PostgreSQL ({@link TestPostgres}). {@link RealServers} hands them to
 * test methods as parameters.
 *
 * <p>Depends on the runtime module (to start OpenSearch exactly as the appliance does), Kafka's
 * own test kit, the PostgreSQL driver and the JUnit Jupiter API.
 */
package com.ramparts.testsupport;
