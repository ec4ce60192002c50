package com.ramparts.pki.crl;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.inventory.RevokedEntry;
import com.ramparts.pki.x509.KeyIdentifiers;
import com.ramparts.pki.x509.X509Times;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.ContentSigner;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Writes a signed X.509 v2 CRL (RFC 5280 5.1) in constant memory. The DER of a SEQUENCE needs its
 * length before its content, so the entries go to a temporary file first; then the TBSCertList is
 * streamed twice from that file, once through the signer and once into the output.
 */
public final class CrlWriter {

    private static final int BUFFER = 64 * 1024;

    private CrlWriter() {
    }

    /** Where the entries come from: calls the sink once per revoked certificate. */
    @FunctionalInterface
    public interface Entries {
        void forEach(Consumer<RevokedEntry> sink);
    }

    /** What was written. */
    public record Written(long crlNumber, Instant thisUpdate, Instant nextUpdate, long entries) {
    }

    public static Written write(CaSigner ca, long crlNumber, Instant thisUpdate, Instant nextUpdate, Entries entries, Path target)
            throws IOException {
        return write(ca, crlNumber, thisUpdate, nextUpdate, entries, target, java.util.List.of());
    }

    /**
     * @param extensions CRL extensions besides AKI and the CRL number: freshestCRL in a full CRL, deltaCRLIndicator
     *                   in a delta CRL
     */
    public static Written write(CaSigner ca, long crlNumber, Instant thisUpdate, Instant nextUpdate, Entries entries, Path target,
                                java.util.List<Extension> extensions) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path entriesFile = Files.createTempFile(directory, ".crl-entries-", ".tmp");
        Path output = Files.createTempFile(directory, ".crl-", ".tmp");
        try {
            long[] count = {0};
            long entriesLength;
            try (CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(entriesFile), BUFFER))) {
                entries.forEach(entry -> {
                    try {
                        out.write(encode(entry));
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                entriesLength = out.count;
            }

            ContentSigner signer = ca.contentSigner();
            byte[] algorithm = signer.getAlgorithmIdentifier().getEncoded(ASN1Encoding.DER);
            ByteArrayOutputStream prefix = new ByteArrayOutputStream();
            prefix.write(new ASN1Integer(1).getEncoded(ASN1Encoding.DER)); // v2
            prefix.write(algorithm);
            prefix.write(ca.certificate().getSubject().getEncoded(ASN1Encoding.DER));
            prefix.write(X509Times.time(thisUpdate).getEncoded(ASN1Encoding.DER));
            prefix.write(X509Times.time(nextUpdate).getEncoded(ASN1Encoding.DER));
            // RFC 5280 5.1.2.6: with no revoked certificates the list is absent, not empty
            byte[] revokedHeader = entriesLength > 0 ? header(0x30, entriesLength) : new byte[0];
            java.util.List<Extension> all = new java.util.ArrayList<>();
            all.add(new Extension(Extension.authorityKeyIdentifier, false,
                    KeyIdentifiers.authorityKeyIdentifier(ca.certificate()).getEncoded(ASN1Encoding.DER)));
            all.add(new Extension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)).getEncoded(ASN1Encoding.DER)));
            all.addAll(extensions);
            byte[] extensionsDer = new DERTaggedObject(true, 0, new Extensions(all.toArray(Extension[]::new))).getEncoded(ASN1Encoding.DER);
            long tbsLength = prefix.size() + revokedHeader.length + entriesLength + extensionsDer.length;
            byte[] tbsHeader = header(0x30, tbsLength);
            TbsParts tbs = new TbsParts(tbsHeader, prefix.toByteArray(), revokedHeader, entriesFile, extensionsDer);

            try (OutputStream signing = new BufferedOutputStream(new NonClosing(signer.getOutputStream()), BUFFER)) {
                tbs.writeTo(signing);
            }
            byte[] signatureValue = new DERBitString(signer.getSignature()).getEncoded(ASN1Encoding.DER);
            long total = tbsHeader.length + tbsLength + algorithm.length + signatureValue.length;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), BUFFER)) {
                out.write(header(0x30, total));
                tbs.writeTo(out);
                out.write(algorithm);
                out.write(signatureValue);
            }
            Files.move(output, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Written(crlNumber, X509Times.truncate(thisUpdate), X509Times.truncate(nextUpdate), count[0]);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(entriesFile);
            Files.deleteIfExists(output);
        }
    }

    /** One revokedCertificates entry; the reason extension is left out for unspecified (RFC 5280 5.3.1). */
    static byte[] encode(RevokedEntry entry) throws IOException {
        ASN1Integer serial = new ASN1Integer(entry.serialNumber());
        if (entry.reason() == CRLReason.unspecified) {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[]{serial, X509Times.time(entry.revokedAt())})
                    .getEncoded(ASN1Encoding.DER);
        }
        Extensions reason = new Extensions(new Extension(Extension.reasonCode, false,
                CRLReason.lookup(entry.reason()).getEncoded(ASN1Encoding.DER)));
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[]{serial, X509Times.time(entry.revokedAt()), reason})
                .getEncoded(ASN1Encoding.DER);
    }

    /** A DER tag and definite length. */
    static byte[] header(int tag, long length) {
        if (length < 128) {
            return new byte[]{(byte) tag, (byte) length};
        }
        int octets = (64 - Long.numberOfLeadingZeros(length) + 7) / 8;
        byte[] header = new byte[2 + octets];
        header[0] = (byte) tag;
        header[1] = (byte) (0x80 | octets);
        for (int i = 0; i < octets; i++) {
            header[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
        }
        return header;
    }

    private record TbsParts(byte[] header, byte[] prefix, byte[] revokedHeader, Path entries, byte[] extensions) {

        void writeTo(OutputStream out) throws IOException {
            out.write(header);
            out.write(prefix);
            out.write(revokedHeader);
            try (InputStream in = Files.newInputStream(entries)) {
                in.transferTo(out);
            }
            out.write(extensions);
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    /** The signer's stream must stay usable for getSignature(); closing our buffer must only flush it. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
