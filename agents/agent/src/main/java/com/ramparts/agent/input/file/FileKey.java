package com.ramparts.agent.input.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A file's identity on this host: device and inode, which survive a rename. */
record FileKey(long device, long inode) {

    static FileKey of(Path path) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
        return new FileKey(((Number) attributes.get("dev")).longValue(), ((Number) attributes.get("ino")).longValue());
    }
}
