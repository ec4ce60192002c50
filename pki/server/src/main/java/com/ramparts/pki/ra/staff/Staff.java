package com.ramparts.pki.ra.staff;

/**
 * A civil servant.
 *
 * @param citizenId the 12-digit citizen identity card number (CCCD)
 * @param fullName Unicode NFC, as it appears in the certificate's CN
 * @param title null if none
 */
public record Staff(String staffId, String citizenId, String fullName, String unitCode, String email, String title) {
}
