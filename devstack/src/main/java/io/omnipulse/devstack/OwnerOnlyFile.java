package io.omnipulse.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets of the local stack (keys, tokens) are written readable by their owner only, from the start. */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** Replaces {@code file} with {@code text}, created with mode 600 (never readable by others, not even briefly). */
    static void write(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
    }
}
