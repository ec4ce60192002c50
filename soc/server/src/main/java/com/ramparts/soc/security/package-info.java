/**
 * Who may call the soc service. Health and info are public (the launcher and load balancers probe
 * them); the API and the other actuator endpoints take HTTP basic; the dashboard takes a form login
 * with CSRF protection and a session. Which role opens which page is {@link com.ramparts.soc.web.Page};
 * accounts, password hashing and lockout are in {@code account}. May depend on {@code web} and {@code account}.
 */
package com.ramparts.soc.security;
