package com.ramparts.pki.cli;

import com.ramparts.pki.ca.Passphrase;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a keystore passphrase comes from: a file (mode 0600) or an environment variable; never a command-line argument. */
final class PassphraseOptions {

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "File whose first line is the keystore passphrase (mode 0600).")
    Path file;

    @Option(names = "--passphrase-env", paramLabel = "VARIABLE", description = "Environment variable holding the keystore passphrase.")
    String environment;

    Passphrase read() {
        return Passphrase.from(file, environment, "--passphrase-file or --passphrase-env");
    }
}
