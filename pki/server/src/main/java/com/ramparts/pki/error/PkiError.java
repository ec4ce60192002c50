package com.ramparts.pki.error;

/**
 * Every refusal pki can give, with the stable code API clients match on and the kind of failure
 * (which the HTTP layer maps to a status). The human sentence for a code lives in
 * {@code messages.properties} under the same code, so translations never touch code.
 */
public enum PkiError {
    REQUEST_MALFORMED("request.malformed", Kind.INVALID),
    REQUEST_FIELD_MISSING("request.field_missing", Kind.INVALID),
    REQUEST_TOO_LARGE("request.too_large", Kind.TOO_LARGE),

    CSR_TOO_LARGE("csr.too_large", Kind.TOO_LARGE),
    CSR_MALFORMED("csr.malformed", Kind.INVALID),
    CSR_SIGNATURE_INVALID("csr.signature_invalid", Kind.INVALID),
    CSR_SIGNATURE_ALGORITHM_UNSUPPORTED("csr.signature_algorithm_unsupported", Kind.INVALID),
    CSR_KEY_UNSUPPORTED("csr.key_unsupported", Kind.INVALID),

    PROFILE_UNKNOWN("profile.unknown", Kind.INVALID),
    PROFILE_CA_NOT_ALLOWED("profile.ca_not_allowed", Kind.INVALID),
    PROFILE_KEY_NOT_ALLOWED("profile.key_not_allowed", Kind.INVALID),
    PROFILE_SUBJECT_NOT_ALLOWED("profile.subject.not_allowed", Kind.INVALID),
    PROFILE_SUBJECT_REQUIRED("profile.subject.required", Kind.INVALID),
    PROFILE_SUBJECT_ONE_OF_REQUIRED("profile.subject.one_of_required", Kind.INVALID),
    PROFILE_SUBJECT_REPEATED("profile.subject.repeated", Kind.INVALID),
    PROFILE_SUBJECT_MULTI_VALUED("profile.subject.multi_valued", Kind.INVALID),
    PROFILE_SUBJECT_NOT_TEXT("profile.subject.not_text", Kind.INVALID),
    PROFILE_SUBJECT_EMPTY("profile.subject.empty", Kind.INVALID),
    PROFILE_SUBJECT_TOO_LONG("profile.subject.too_long", Kind.INVALID),
    PROFILE_SUBJECT_NOT_PRINTABLE("profile.subject.not_printable", Kind.INVALID),
    PROFILE_SUBJECT_PATTERN("profile.subject.pattern", Kind.INVALID),
    PROFILE_SAN_NOT_ALLOWED("profile.san.not_allowed", Kind.INVALID),
    PROFILE_SAN_REQUIRED("profile.san.required", Kind.INVALID),
    PROFILE_SAN_TOO_MANY("profile.san.too_many", Kind.INVALID),
    PROFILE_SAN_INVALID("profile.san.invalid", Kind.INVALID),
    PROFILE_SAN_DOMAIN("profile.san.domain", Kind.INVALID),
    PROFILE_SAN_NETWORK("profile.san.network", Kind.INVALID),
    PROFILE_SAN_PATTERN("profile.san.pattern", Kind.INVALID),
    PROFILE_COMMON_NAME_NOT_IN_SAN("profile.common_name_not_in_san", Kind.INVALID),

    CA_UNKNOWN("ca.unknown", Kind.NOT_FOUND),
    CA_UNAVAILABLE("ca.unavailable", Kind.UNAVAILABLE),

    CERTIFICATE_NOT_FOUND("certificate.not_found", Kind.NOT_FOUND),
    SERIAL_MALFORMED("certificate.serial_malformed", Kind.INVALID),

    ENROLMENT_TOKEN_FIELD_INVALID("enrolment_token.field_invalid", Kind.INVALID),

    REVOCATION_REASON_UNKNOWN("revocation.reason_unknown", Kind.INVALID),
    REVOCATION_REASON_NOT_FOR_END_ENTITY("revocation.reason_not_for_end_entity", Kind.INVALID),
    REVOCATION_ALREADY_REVOKED("revocation.already_revoked", Kind.CONFLICT),
    REVOCATION_NOT_ON_HOLD("revocation.not_on_hold", Kind.CONFLICT),

    RA_UNIT_NOT_FOUND("ra.unit.not_found", Kind.NOT_FOUND),
    RA_STAFF_NOT_FOUND("ra.staff.not_found", Kind.NOT_FOUND),
    RA_IMPORT_TOO_LARGE("ra.import.too_large", Kind.TOO_LARGE),
    RA_REQUEST_NOT_FOUND("ra.request.not_found", Kind.NOT_FOUND),
    RA_REQUEST_NOT_PENDING("ra.request.not_pending", Kind.CONFLICT),
    RA_APPROVAL_DUPLICATE("ra.approval.duplicate", Kind.CONFLICT),
    RA_APPROVAL_BY_SUBMITTER("ra.approval.by_submitter", Kind.CONFLICT),
    RA_RECORD_MISMATCH("ra.request.record_mismatch", Kind.INVALID),
    RA_RENEWAL_NOT_RENEWABLE("ra.renewal.not_renewable", Kind.CONFLICT),
    RA_BULK_JOB_NOT_FOUND("ra.bulk.not_found", Kind.NOT_FOUND),
    RA_BULK_JOB_NOT_AWAITING_APPROVAL("ra.bulk.not_awaiting_approval", Kind.CONFLICT),
    RA_BULK_APPROVAL_BY_CREATOR("ra.bulk.approval_by_creator", Kind.CONFLICT),
    RA_BULK_TOO_LARGE("ra.bulk.too_large", Kind.TOO_LARGE),
    TOKEN_NOT_FOUND("token.not_found", Kind.NOT_FOUND),
    TOKEN_SCOPE_INVALID("token.scope_invalid", Kind.INVALID),

    KEYSTORE_PASSPHRASE_MISSING("keystore.passphrase_missing", Kind.INVALID),
    KEYSTORE_PASSPHRASE_TOO_SHORT("keystore.passphrase_too_short", Kind.INVALID),
    KEYSTORE_PASSPHRASE_FILE_UNSAFE("keystore.passphrase_file_unsafe", Kind.INVALID),
    KEYSTORE_UNREADABLE("keystore.unreadable", Kind.INVALID),
    KEYSTORE_EXISTS("keystore.exists", Kind.CONFLICT),
    KEYSTORE_NOT_INSTALLED("keystore.not_installed", Kind.INVALID),
    CA_CERTIFICATE_MISMATCH("ca.certificate_mismatch", Kind.INVALID),
    CA_SUBJECT_INVALID("ca.subject_invalid", Kind.INVALID);

    /** What sort of failure it is; the HTTP layer turns it into a status code. */
    public enum Kind { INVALID, TOO_LARGE, NOT_FOUND, CONFLICT, UNAVAILABLE }

    private final String code;
    private final Kind kind;

    PkiError(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
