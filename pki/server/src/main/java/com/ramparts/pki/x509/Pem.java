package com.ramparts.pki.x509;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** PEM text (RFC 7468) in and out. */
public final class Pem {

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String certificates(List<X509CertificateHolder> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509CertificateHolder certificate : certificates) {
            pem.append(certificate(certificate));
        }
        return pem.toString();
    }

    public static String certificate(X509CertificateHolder certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PEM objects in a text, in order; an empty list if there are none. */
    public static List<PemObject> decodeAll(String text) throws IOException {
        List<PemObject> objects = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                objects.add(object);
            }
        }
        return objects;
    }

    /** Reads the certificates of a PEM text, refusing anything that is not a certificate. */
    public static List<X509CertificateHolder> decodeCertificates(String text) throws IOException {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        for (PemObject object : decodeAll(text)) {
            if (!"CERTIFICATE".equals(object.getType())) {
                throw new IOException("expected CERTIFICATE, found " + object.getType());
            }
            certificates.add(new X509CertificateHolder(object.getContent()));
        }
        return certificates;
    }
}
