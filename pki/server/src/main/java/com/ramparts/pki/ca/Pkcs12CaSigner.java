package com.ramparts.pki.ca;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.x509.KeyAlgorithm;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A key in a password-protected PKCS#12 file (the JDK writes PBES2 with AES-256 and an HMAC-SHA256
 * integrity MAC). The only class in pki that holds a {@link PrivateKey}.
 */
public final class Pkcs12CaSigner implements CaSigner {

    private static final String ALIAS = "key";

    private final String name;
    private final PrivateKey privateKey;
    private final KeyAlgorithm algorithm;
    private final SubjectPublicKeyInfo publicKey;
    private final List<X509CertificateHolder> chain;

    private Pkcs12CaSigner(String name, PrivateKey privateKey, KeyAlgorithm algorithm, SubjectPublicKeyInfo publicKey,
                           List<X509CertificateHolder> chain) {
        this.name = name;
        this.privateKey = privateKey;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.chain = List.copyOf(chain);
    }

    /** Opens an existing keystore; a wrong passphrase or a damaged file is a clear error, not a stack trace. */
    public static Pkcs12CaSigner load(String name, Path file, Passphrase passphrase) {
        if (!Files.isRegularFile(file)) {
            throw new PkiException(PkiError.KEYSTORE_UNREADABLE, "keystore", file, "no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, passphrase.characters());
            String alias = Collections.list(keyStore.aliases()).stream()
                    .filter(a -> isKeyEntry(keyStore, a)).findFirst()
                    .orElseThrow(() -> new PkiException(PkiError.KEYSTORE_UNREADABLE, "keystore", file, "it holds no private key"));
            PrivateKey key = (PrivateKey) keyStore.getKey(alias, passphrase.characters());
            List<X509CertificateHolder> chain = new ArrayList<>();
            for (Certificate certificate : keyStore.getCertificateChain(alias)) {
                chain.add(new X509CertificateHolder(certificate.getEncoded()));
            }
            KeyAlgorithm algorithm = KeyAlgorithm.of(chain.getFirst().getSubjectPublicKeyInfo())
                    .orElseThrow(() -> new PkiException(PkiError.KEYSTORE_UNREADABLE, "keystore", file, "unsupported key type"));
            return new Pkcs12CaSigner(name, key, algorithm, chain.getFirst().getSubjectPublicKeyInfo(), chain);
        } catch (IOException | GeneralSecurityException e) {
            String reason = e.getCause() instanceof java.security.UnrecoverableKeyException || e instanceof java.security.UnrecoverableKeyException
                    ? "wrong passphrase" : "wrong passphrase or damaged file";
            throw new PkiException(PkiError.KEYSTORE_UNREADABLE, "keystore", e, file, reason);
        }
    }

    /**
     * Generates a key and stores it in a new keystore with the chain {@code certify} returns for it
     * (a self-signed root, a placeholder awaiting the root's signature, or a certificate issued online).
     *
     * @param replace whether an existing file may be replaced (rotation of service keys); ceremonies never replace
     */
    public static Pkcs12CaSigner generate(String name, Path file, Passphrase passphrase, KeyAlgorithm algorithm,
                                          boolean replace, Function<KeySigner, List<X509CertificateHolder>> certify) {
        if (!replace && Files.exists(file)) {
            throw new PkiException(PkiError.KEYSTORE_EXISTS, "keystore", file);
        }
        KeyPair keyPair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaName());
            generator.initialize(algorithm.generationParameters());
            keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + algorithm.describe() + " keys", e);
        }
        Pkcs12CaSigner uncertified = new Pkcs12CaSigner(name, keyPair.getPrivate(), algorithm,
                SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()), List.of());
        return uncertified.storedWith(certify.apply(uncertified), file, passphrase, replace);
    }

    /** Replaces the chain of this key (after the root signed it), checking that the chain really is for this key. */
    public Pkcs12CaSigner install(List<X509CertificateHolder> newChain, Path file, Passphrase passphrase) {
        return storedWith(newChain, file, passphrase, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public SubjectPublicKeyInfo publicKey() {
        return publicKey;
    }

    @Override
    public List<X509CertificateHolder> chain() {
        return chain;
    }

    @Override
    public ContentSigner contentSigner() {
        try {
            return new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).build(privateKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the key of " + name, e);
        }
    }

    @Override
    public String toString() {
        return "Pkcs12CaSigner[" + name + ", " + algorithm.describe() + "]";
    }

    private Pkcs12CaSigner storedWith(List<X509CertificateHolder> newChain, Path file, Passphrase passphrase, boolean replace) {
        if (newChain.isEmpty()) {
            throw new IllegalArgumentException("a keystore entry needs at least the key's own certificate");
        }
        if (!Arrays.equals(publicKeyEncoded(), encoded(newChain.getFirst().getSubjectPublicKeyInfo()))) {
            throw new PkiException(PkiError.CA_CERTIFICATE_MISMATCH, "certificate", file);
        }
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate[] certificates = new X509Certificate[newChain.size()];
            for (int i = 0; i < certificates.length; i++) {
                certificates[i] = converter.getCertificate(newChain.get(i));
            }
            keyStore.setKeyEntry(ALIAS, privateKey, passphrase.characters(), certificates);
            writeOwnerOnly(keyStore, file, passphrase, replace);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot store the key of " + name + " in " + file, e);
        }
        return new Pkcs12CaSigner(name, privateKey, algorithm, publicKey, newChain);
    }

    private static void writeOwnerOnly(KeyStore keyStore, Path file, Passphrase passphrase, boolean replace) throws GeneralSecurityException {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".keystore-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    keyStore.store(out, passphrase.characters());
                }
                if (replace) {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.createLink(file, temporary); // fails if another ceremony created the file meanwhile
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException e) {
            throw new PkiException(PkiError.KEYSTORE_EXISTS, "keystore", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keystore " + file, e);
        }
    }

    private static boolean isKeyEntry(KeyStore keyStore, String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] encoded(SubjectPublicKeyInfo key) {
        try {
            return key.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
