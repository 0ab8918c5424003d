package com.arcycle.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import com.arcycle.cycle.CycleRepository;
import com.arcycle.dunning.Stage;
import com.arcycle.totals.CycleTotals;
import com.arcycle.totals.CycleTotalsQueries;

/** A cycle: its tie-out, figures beside the previous cycle's, aging chart, files, statements, rejects, delivery. */
@Controller
@ConditionalOnWebApplication
class CycleController {

    private final ConsoleQueries queries;
    private final CycleTotalsQueries totals;
    private final CycleRepository cycles;

    CycleController(ConsoleQueries queries, CycleTotalsQueries totals, CycleRepository cycles) {
        this.queries = queries;
        this.totals = totals;
        this.cycles = cycles;
    }

    /** A stage's accounts and amount now and at the previous cycle. */
    record StageRow(Stage stage, int accounts, java.math.BigDecimal amount, Integer previousAccounts,
            java.math.BigDecimal previousAmount) {
    }

    @GetMapping("/cycles/{cycleDate}")
    String cycle(@PathVariable("cycleDate") LocalDate cycleDate, Model model) throws IOException {
        ConsoleQueries.Cycle cycle = queries.cycle(cycleDate)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no cycle of " + cycleDate));
        LocalDate previousDate = cycles.previousCompleted(cycleDate);
        // The cycle's totals come from one place (totals), as its summary and manifest have them.
        CycleTotals now = totals.of(cycleDate);
        CycleTotals previous = previousDate == null ? null : totals.of(previousDate);
        List<StageRow> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            stages.add(new StageRow(stage, now.stage(stage).count(), now.stage(stage).amount(),
                    previous == null ? null : previous.stage(stage).count(),
                    previous == null ? null : previous.stage(stage).amount()));
        }
        model.addAttribute("cycle", cycle);
        model.addAttribute("totals", now);
        model.addAttribute("previous", previous);
        model.addAttribute("tieOut", totals.tieOut(now, previous));
        model.addAttribute("stages", stages);
        model.addAttribute("chart", AgingChart.of(now.aging(), previous == null ? null : previous.aging()));
        Path folder = cycle.outputFolder() == null ? null : Path.of(cycle.outputFolder());
        model.addAttribute("files", folder == null ? List.of() : CycleFiles.listed(folder));
        model.addAttribute("statements", queries.statements(cycleDate));
        model.addAttribute("rejects", queries.rejects(cycleDate));
        model.addAttribute("delivery", queries.delivery(cycleDate).orElse(null));
        return "console/cycle";
    }

    /** A file of the cycle's folder; anything else is refused (400). */
    @GetMapping("/cycles/{cycleDate}/file")
    ResponseEntity<Resource> file(@PathVariable("cycleDate") LocalDate cycleDate, @RequestParam("name") String name)
            throws IOException {
        String folder = queries.cycle(cycleDate).map(ConsoleQueries.Cycle::outputFolder).orElse(null);
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no files for the cycle of " + cycleDate);
        }
        Path file = CycleFiles.download(Path.of(folder), name).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "refused: only a file of the cycle's folder may be downloaded"));
        MediaType type = name.endsWith(".pdf") ? MediaType.APPLICATION_PDF
                : name.endsWith(".json") ? MediaType.APPLICATION_JSON
                : name.endsWith(".csv") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName().toString()).build().toString())
                .body(new FileSystemResource(file));
    }
}
