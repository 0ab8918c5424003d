package com.arcycle.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-time compilation of the templates in reports/. */
class ReportCompilerTests {

    @DisplayName("every template in reports/ compiles to a .jasper file")
    @Test
    void projectTemplatesCompile(@TempDir Path target) {
        List<Path> compiled = ReportCompiler.compileAll(Path.of("reports"), target);

        assertThat(compiled).extracting(p -> p.getFileName().toString())
                .containsExactly("call-sheet.jasper", "cycle-summary.jasper", "statement-fees.jasper",
                        "statement.jasper");
    }

    @DisplayName("a template that does not compile is named in the error")
    @Test
    void brokenTemplateFails(@TempDir Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(source.resolve("broken.jrxml"), """
                <jasperReport name="broken" language="java" pageWidth="612" pageHeight="792" columnWidth="522"
                    leftMargin="45" rightMargin="45" topMargin="30" bottomMargin="30">
                  <title height="20">
                    <element kind="textField" x="0" y="0" width="100" height="20">
                      <expression><![CDATA[$P{missing}.name()]]></expression>
                    </element>
                  </title>
                </jasperReport>
                """);

        assertThatThrownBy(() -> ReportCompiler.compileAll(source, dir.resolve("out")))
                .isInstanceOf(ReportCompiler.ReportCompileException.class)
                .hasMessageContaining("broken.jrxml does not compile")
                .hasMessageContaining("missing");
    }
}
