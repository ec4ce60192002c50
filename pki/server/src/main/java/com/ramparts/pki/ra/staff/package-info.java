/** Staff records: the people staff-signing certificates are issued to. May depend on {@code ra}. */
package com.ramparts.pki.ra.staff;
