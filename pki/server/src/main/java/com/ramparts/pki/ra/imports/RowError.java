package com.ramparts.pki.ra.imports;

/**
 * One problem in a CSV file.
 *
 * @param row the line of the file the record starts on (the header is line 1); 0 for the file as a whole
 * @param column the header name of the column, or empty when it is about the whole row
 */
public record RowError(int row, String column, String reason) {
}
