/**
 * The administrator's users page: list accounts, create one or replace its password, roles and unit.
 * May depend on {@code web} and {@code account}.
 */
package com.ramparts.soc.web.admin;
