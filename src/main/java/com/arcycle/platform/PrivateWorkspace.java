package com.arcycle.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where arcycle keeps personal data while it works, readable by its owner (and group) only:
 * {@code data/} (the embedded database) and {@code logs/} are 0750 and their files 0640 at most,
 * and temporary files go to a folder of this process only (0700), removed at exit.
 * <p>
 * The temporary folder: JasperReports loads its fonts with {@code java.awt.Font.createFont},
 * which copies each into a temporary file (about 9 MB in all) that the JDK deletes only at a clean
 * exit. The JDK reads {@code java.io.tmpdir} once, at start-up ({@code StaticProperty}), so
 * scripts/arcycle gives {@code -Djava.io.tmpdir=HOME/data/tmp/PID} on the command line; here that
 * folder is made private, removed at exit, and the folders of killed runs (their process gone) are
 * removed.
 */
public final class PrivateWorkspace {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-x---");
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /** What a file of data/ or logs/ may allow at most: no write for the group, nothing for others. */
    private static final Set<PosixFilePermission> NEVER = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateWorkspace() {
    }

    /**
     * Before anything else runs: data/ and logs/ under {@code home} exist and are private (also when
     * an earlier version or another umask made them readable for all), and the temporary folder is
     * set up if the launcher chose one.
     */
    public static void prepare(Path home) throws IOException {
        for (String folder : List.of("data", "logs")) {
            restrict(home.resolve(folder));
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path parent = temporaryParent(home);
        if (tmp.getParent() != null && tmp.getParent().equals(parent)
                && tmp.getFileName().toString().equals(Long.toString(ProcessHandle.current().pid()))) {
            useTemporaryFolder(tmp);
        }
    }

    /** Where the launcher puts each run's temporary folder (named by its process id). */
    static Path temporaryParent(Path home) {
        return home.toAbsolutePath().normalize().resolve("data").resolve("tmp");
    }

    /** Creates the folder 0750, or takes away what its files and folders allow beyond 0750 / 0640. */
    static void restrict(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, FOLDER);
            return;
        }
        Path temporary = folder.resolveSibling("data").resolve("tmp");
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.equals(temporary)) {
                    return FileVisitResult.SKIP_SUBTREE; // 0700 folders of running processes
                }
                takeAway(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                    if (permissions.removeAll(NEVER) | permissions.remove(PosixFilePermission.GROUP_EXECUTE)) {
                        Files.setPosixFilePermissions(file, permissions);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed meanwhile (another run's temporary file)
                }
                throw e;
            }
        });
    }

    private static void takeAway(Path dir) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (permissions.removeAll(NEVER)) {
            Files.setPosixFilePermissions(dir, permissions);
        }
    }

    /** Makes this run's temporary folder (0700 under a 0700 parent), removed at exit, and removes stale ones. */
    static void useTemporaryFolder(Path tmp) throws IOException {
        Path parent = tmp.getParent();
        Files.createDirectories(parent);
        Files.setPosixFilePermissions(parent, OWNER_ONLY);
        removeFoldersOfEndedRuns(parent);
        delete(tmp); // a killed run's, whose process id this run now has
        Files.createDirectories(tmp);
        Files.setPosixFilePermissions(tmp, OWNER_ONLY);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tmp), "arcycle-tmp-cleanup"));
    }

    /** Removes the temporary folders whose process has ended (killed runs leave theirs behind). */
    static void removeFoldersOfEndedRuns(Path parent) throws IOException {
        try (Stream<Path> folders = Files.list(parent)) {
            for (Path folder : folders.toList()) {
                String name = folder.getFileName().toString();
                if (name.matches("\\d{1,18}") && !running(Long.parseLong(name), folder)) {
                    delete(folder);
                }
            }
        }
    }

    /**
     * Whether the process that owns the folder still runs: a live process with that id whose
     * command line names this folder as its java.io.tmpdir (a process id can be used again by
     * another program). When its command line cannot be read, a live process counts as the owner.
     */
    static boolean running(long pid, Path folder) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<String[]> arguments = process.get().info().arguments();
        return arguments.isEmpty() || Stream.of(arguments.get())
                .anyMatch(argument -> argument.equals("-Djava.io.tmpdir=" + folder));
    }

    /** Removes a folder and what it holds; what cannot be removed is left (the next run tries again). */
    static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // gone already, or left for the next run
        }
    }
}
