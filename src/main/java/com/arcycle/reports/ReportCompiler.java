package com.arcycle.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles every {@code *.jrxml} of a folder into {@code *.jasper} files: run by the build
 * (exec-maven-plugin, phase {@code process-classes}) from {@code reports/} into
 * {@code target/classes/reports/}, so the application only loads compiled reports and never
 * compiles one at run time. A template that does not compile stops the build with its name and the
 * compiler's message.
 *
 * <pre>java -cp CLASSPATH com.arcycle.reports.ReportCompiler SOURCE_DIR TARGET_DIR</pre>
 */
public final class ReportCompiler {

    private ReportCompiler() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ReportCompiler SOURCE_DIR TARGET_DIR");
            System.exit(2);
        }
        try {
            List<Path> compiled = compileAll(Path.of(args[0]), Path.of(args[1]));
            System.out.println("reports: compiled " + compiled.size() + " template(s) into " + args[1]);
        } catch (ReportCompileException e) {
            System.err.println("reports: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Compiles each {@code SOURCE/*.jrxml} to {@code TARGET/<name>.jasper}; returns the files written. */
    public static List<Path> compileAll(Path sourceDir, Path targetDir) {
        List<Path> templates;
        try (Stream<Path> files = Files.list(sourceDir)) {
            templates = files.filter(p -> p.getFileName().toString().endsWith(".jrxml")).sorted().toList();
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            throw new ReportCompileException("cannot read " + sourceDir + ": " + e, e);
        }
        if (templates.isEmpty()) {
            throw new ReportCompileException("no *.jrxml template in " + sourceDir, null);
        }
        List<Path> written = new ArrayList<>();
        for (Path template : templates) {
            String name = template.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
            Path target = targetDir.resolve(name);
            try {
                JasperCompileManager.compileReportToFile(template.toString(), target.toString());
            } catch (JRException | RuntimeException e) {
                throw new ReportCompileException(template.getFileName() + " does not compile: " + e.getMessage(), e);
            }
            written.add(target);
        }
        return written;
    }

    /** A template that does not compile, named in the message. */
    public static final class ReportCompileException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ReportCompileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
