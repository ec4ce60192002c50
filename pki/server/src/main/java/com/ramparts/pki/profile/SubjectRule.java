package com.ramparts.pki.profile;

import java.util.regex.Pattern;

/** The compiled rule for one subject field; {@code pattern} may be null. */
record SubjectRule(SubjectAttribute attribute, boolean required, Pattern pattern, int maxLength) {
}
