package com.arcycle.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold personal data (statements, exports, their temporary forms): files
 * readable by owner and group only (0640), folders 0750, from the moment they are created, not
 * after they are written. On a file system without POSIX permissions the files are made as usual.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-x---");

    private PrivateFiles() {
    }

    /** Opens {@code file} for writing from its start, creating it 0640 first when it is not there. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        create(file);
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Creates {@code file} empty and 0640 when it is not there; an existing file is made 0640. */
    public static void create(Path file) throws IOException {
        boolean posix = posix(file.toAbsolutePath().getParent());
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            if (posix) {
                Files.setPosixFilePermissions(file, FILE);
            }
        }
    }

    /** Creates the folder and any missing parent, each new one 0750. */
    public static Path createDirectories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        FileAttribute<?>[] attributes = posix(parent) ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(FOLDER)} : new FileAttribute<?>[0];
        try {
            Files.createDirectory(absolute, attributes);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
        return absolute;
    }

    private static boolean posix(Path folder) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }
}
