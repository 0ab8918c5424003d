package com.arcycle.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screenshots of docs/images can be made: page 1 of each stage and of the summary, as US Letter PNGs. */
class StatementScreenshotsTests {

    @DisplayName("page 1 of each stage's statement and of the summary render to PNG")
    @Test
    void screenshots(@TempDir Path folder) throws Exception {
        List<Path> files = StatementScreenshots.write(folder);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("statement-reminder.png",
                "statement-past-due.png", "statement-final-demand.png", "statement-collections.png",
                "cycle-summary.png");
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isBetween(849, 850);  // 8.5 in at 100 dpi
            assertThat(image.getHeight()).isBetween(1099, 1100); // 11 in
        }
    }
}
