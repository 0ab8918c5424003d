package com.arcycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.arcycle.testing.Launcher;

/**
 * On a machine without fontconfig and a font, scripts/arcycle installs them before any work, or
 * stops at once with the one command to run; it never starts a command that would fail at the
 * first statement. The machine is faked with commands put first on the PATH: an fc-list that finds
 * no font until the fake apt-get has "installed" the packages, an apt-get that works or fails, an
 * id that says who runs it, a sudo that needs a password. (That it really works on a bare Debian
 * was checked by hand in a debootstrap root: see the report of issue 9.)
 */
class MissingFontsIntegrationTests {

    private static final String COMMAND = "sudo apt-get install fontconfig fonts-dejavu-core";

    @TempDir
    Path work;

    private Path fakes;
    private Path calls;

    /** A fake command; {@code calls} logs its arguments. */
    private void fake(String name, String body) throws IOException {
        Path command = fakes.resolve(name);
        Files.writeString(command, "#!/usr/bin/env bash\necho \"" + name + " $*\" >> '" + calls + "'\n" + body + "\n");
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Launcher machineWithoutFonts(String aptGet) throws IOException {
        fakes = Files.createDirectories(work.resolve("fakes"));
        calls = work.resolve("calls.log");
        Path installed = work.resolve("installed");
        fake("fc-list", "[ -e '" + installed + "' ] && echo '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf: DejaVu Sans'"
                + "\nexit 0");
        fake("apt-get", aptGet.replace("INSTALLED", installed.toString()));
        return new Launcher(work.resolve("home")).environment("PATH", fakes + ":" + System.getenv("PATH"));
    }

    @Test
    void missingFontsAreInstalledBeforeTheCommandRuns() throws Exception {
        Launcher arcycle = machineWithoutFonts("[ \"$1\" = install ] && touch 'INSTALLED'\nexit 0");

        Launcher.Launched status = arcycle.run("status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(Files.readAllLines(calls)).contains("apt-get update -qq",
                "apt-get install -y -qq --no-install-recommends fontconfig fonts-dejavu-core");
        assertThat(status.output()).contains("installing fontconfig fonts-dejavu-core")
                .contains("fontconfig fonts-dejavu-core installed");
    }

    @Test
    void whenTheyCannotBeInstalledItStopsAtOnceWithTheCommandToRun() throws Exception {
        Launcher arcycle = machineWithoutFonts("echo 'E: Unable to locate package fontconfig' >&2\nexit 100");

        Launcher.Launched run = arcycle.run("run-cycle", "--cycle-date", "2026-01-31");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("the PDF statements need fontconfig and a font").contains(COMMAND);
        assertThat(arcycle.home().resolve("data")).as("java never started").doesNotExist();
        assertThat(arcycle.home().resolve("logs")).doesNotExist();
    }

    @Test
    void aUserWhoIsNotRootAndCannotSudoWithoutAPasswordIsToldTheCommand() throws Exception {
        Launcher arcycle = machineWithoutFonts("touch 'INSTALLED'\nexit 0");
        fake("id", "echo 1000");
        fake("sudo", "echo 'sudo: a password is required' >&2\nexit 1");

        Launcher.Launched run = arcycle.run("status");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains(COMMAND);
        assertThat(Files.readAllLines(calls)).contains("sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq")
                .noneMatch(call -> call.startsWith("apt-get"));
        assertThat(arcycle.home().resolve("data")).as("java never started").doesNotExist();
    }
}
