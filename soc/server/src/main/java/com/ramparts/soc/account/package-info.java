/**
 * Who may use the dashboard and the API: accounts in SQL (Flyway {@code V10__accounts.sql}) with
 * Argon2id password hashes, their roles ({@link com.ramparts.soc.account.Role}), the unit a requester
 * is limited to, failed-login counting with a temporary lock ({@link com.ramparts.soc.account.LoginAttempts}),
 * an audit trail of logins and changes, and the bootstrap administrator from the credentials file.
 * May depend on {@code config}, the runtime's secrets, Spring JDBC, Spring Security and Micrometer.
 */
package com.ramparts.soc.account;
