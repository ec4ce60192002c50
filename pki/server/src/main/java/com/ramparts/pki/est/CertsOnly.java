package com.ramparts.pki.est;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The "certs-only" CMS message EST answers with (RFC 7030 4.1.3, 4.2.3; RFC 5751 3.2.2), base64-encoded. */
final class CertsOnly {

    static final String MEDIA_TYPE = "application/pkcs7-mime; smime-type=certs-only";
    private static final byte[] NEWLINE = {'\n'};

    private CertsOnly() {
    }

    static byte[] base64(List<X509CertificateHolder> certificates) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(certificates));
            byte[] der = generator.generate(new CMSAbsentContent(), false).getEncoded("DER");
            // LF line ends: RFC 8951 allows any base64 line breaks, and coreutils base64 -d chokes on CR
            return (Base64.getMimeEncoder(64, NEWLINE).encodeToString(der) + "\n").getBytes(StandardCharsets.US_ASCII);
        } catch (CMSException | IOException e) {
            throw new IllegalStateException("cannot encode a certs-only message", e);
        }
    }
}
