/**
 * The soc service's configuration: one typed, validated record bound from {@code ramparts.soc.*}
 * (documented in docs/configuration.md). May depend on Spring Boot's binding only.
 */
package com.ramparts.soc.config;
