package com.arcycle.console;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.springframework.batch.core.repository.JobRepository;

import com.arcycle.cycle.CycleRepository;
import com.arcycle.operations.CycleCommand;
import com.arcycle.operations.RunLock;

/** The Runs page: every run of both jobs, a running step's progress, the cycles and the actions taken. */
@Controller
@ConditionalOnWebApplication
class RunsController {

    private static final int RUNS = 50;

    private final ConsoleQueries queries;
    private final ConsoleActions actions;
    private final CycleRepository cycles;
    private final Clock clock;
    private final JobRepository jobRepository;
    private final RunLock runLock;

    RunsController(ConsoleQueries queries, ConsoleActions actions, CycleRepository cycles, Clock clock,
            JobRepository jobRepository, RunLock runLock) {
        this.jobRepository = jobRepository;
        this.runLock = runLock;
        this.queries = queries;
        this.actions = actions;
        this.cycles = cycles;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String runs(Model model) throws SQLException {
        List<ConsoleQueries.Run> runs = queries.runs(RUNS);
        List<ConsoleQueries.RunningStep> running = queries.runningSteps();
        java.util.Map<Long, String> reasons = new java.util.HashMap<>();
        if (runs.stream().anyMatch(ConsoleQueries.Run::running) && !actions.busy() && !runLock.heldElsewhere()) {
            // Shown as running, yet no command runs, here or elsewhere: its process was killed.
            runs = runs.stream().map(run -> run.running() ? run.crashed() : run).toList();
            running = List.of();
        }
        model.addAttribute("runs", runs);
        for (ConsoleQueries.Run run : runs) {
            if (run.status().equals("CRASHED")) {
                reasons.put(run.id(), CycleCommand.crashed(run.cycleDate()));
            } else if (run.status().equals("FAILED") || run.status().equals("STOPPED")
                    || run.status().equals("ABANDONED")) {
                var execution = jobRepository.getJobExecution(run.id());
                if (execution != null) {
                    reasons.put(run.id(), CycleCommand.failure(execution));
                }
            }
        }
        model.addAttribute("reasons", reasons);
        model.addAttribute("running", running);
        // The page reloads itself while anything runs: progress without any script.
        model.addAttribute("refresh", !running.isEmpty() || actions.busy()
                || runs.stream().anyMatch(ConsoleQueries.Run::running));
        model.addAttribute("cycles", queries.cycles());
        model.addAttribute("actions", queries.actions(20));
        model.addAttribute("busy", actions.busy());
        var history = cycles.history();
        model.addAttribute("unfinished", history.unfinished());
        model.addAttribute("lastCompleted", history.lastCompleted());
        model.addAttribute("today", LocalDate.now(clock));
        return "console/runs";
    }
}
