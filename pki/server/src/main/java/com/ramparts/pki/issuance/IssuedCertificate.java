package com.ramparts.pki.issuance;

import com.ramparts.pki.inventory.CertificateRecord;
import org.bouncycastle.cert.X509CertificateHolder;

import java.util.List;

/** A certificate just issued, its inventory record and the chain of its CA (issuing CA first). */
public record IssuedCertificate(CertificateRecord record, X509CertificateHolder certificate, List<X509CertificateHolder> caChain) {
}
