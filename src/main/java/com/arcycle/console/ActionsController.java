package com.arcycle.console;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's actions (OPERATOR only, ConsoleSecurity): each runs the command-line command with
 * the same checks and messages, recorded with who started it.
 */
@Controller
@ConditionalOnWebApplication
class ActionsController {

    private final ConsoleActions actions;

    ActionsController(ConsoleActions actions) {
        this.actions = actions;
    }

    @PostMapping("/actions/restart")
    String restart(@RequestParam("cycleDate") String cycleDate, Principal user, RedirectAttributes flash) {
        return run(user, "restart", List.of("restart", "--cycle-date", date(cycleDate)), flash);
    }

    @PostMapping("/actions/run-cycle")
    String runCycle(@RequestParam("cycleDate") String cycleDate, Principal user, RedirectAttributes flash) {
        return run(user, "run-cycle", List.of("run-cycle", "--cycle-date", date(cycleDate)), flash);
    }

    @PostMapping("/actions/import-ledger")
    String importLedger(@RequestParam("dir") String dir, Principal user, RedirectAttributes flash) {
        return run(user, "import-ledger", List.of("import-ledger", "--dir", dir.strip()), flash);
    }

    /** The command parses the date too; a blank or malformed one is passed on for its message. */
    private static String date(String text) {
        String date = text == null ? "" : text.strip();
        try {
            return LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    private String run(Principal user, String action, List<String> args, RedirectAttributes flash) {
        ConsoleActions.Outcome outcome = actions.start(user.getName(), action, args);
        flash.addFlashAttribute("actionId", outcome.id());
        flash.addFlashAttribute("actionOutput", outcome.finished() ? outcome.output()
                : action + " is running; this page follows it.");
        flash.addFlashAttribute("actionOk", !outcome.finished() || outcome.exitCode() == 0 || outcome.exitCode() == 3);
        return "redirect:/";
    }
}
