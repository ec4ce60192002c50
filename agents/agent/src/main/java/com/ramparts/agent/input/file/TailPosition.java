package com.ramparts.agent.input.file;

/**
 * Where tailing resumes: the file (device and inode, plus a fingerprint of its first bytes) and the
 * offset just after the last record handed to the pipeline. Encoded as one line for the checkpoint.
 */
record TailPosition(FileKey key, long offset, Fingerprint fingerprint) {

    String encode() {
        return "dev=" + key.device() + " ino=" + key.inode() + " offset=" + offset + " fp_len=" + fingerprint.length()
                + " fp_crc=" + Integer.toUnsignedString(fingerprint.crc());
    }

    /** @throws IllegalArgumentException if {@code text} was not made by {@link #encode()} */
    static TailPosition decode(String text) {
        long dev = 0;
        long ino = 0;
        long offset = -1;
        int fpLength = 0;
        int fpCrc = 0;
        try {
            for (String part : text.trim().split(" ")) {
                int eq = part.indexOf('=');
                String value = part.substring(eq + 1);
                switch (part.substring(0, eq)) {
                    case "dev" -> dev = Long.parseLong(value);
                    case "ino" -> ino = Long.parseLong(value);
                    case "offset" -> offset = Long.parseLong(value);
                    case "fp_len" -> fpLength = Integer.parseInt(value);
                    case "fp_crc" -> fpCrc = Integer.parseUnsignedInt(value);
                    default -> throw new IllegalArgumentException("unknown part " + part);
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a tail position: '" + text + "'", e);
        }
        if (offset < 0 || fpLength < 0 || fpLength > Fingerprint.MAX_LENGTH) {
            throw new IllegalArgumentException("not a tail position: '" + text + "'");
        }
        return new TailPosition(new FileKey(dev, ino), offset, new Fingerprint(fpLength, fpCrc));
    }
}
