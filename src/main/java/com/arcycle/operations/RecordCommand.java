package com.arcycle.operations;

import java.io.PrintStream;

import org.springframework.stereotype.Component;

import com.arcycle.calls.CallOutcomes;
import com.arcycle.calls.CallOutcomes.Recorded;

/**
 * {@code record-promise}, {@code record-dispute}, {@code record-note}: what the caller heard, kept
 * where the next cycle sees it ({@link CallOutcomes}). A bad value is refused with exit code 2 and
 * records nothing.
 */
@Component
class RecordCommand {

    private final CallOutcomes outcomes;

    RecordCommand(CallOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    int run(CommandLine command, PrintStream console) {
        Recorded recorded = switch (command.command()) {
            case "record-promise" -> {
                String account = command.required("account");
                String amount = command.required("amount");
                command.required("by");
                yield outcomes.promise(account, amount, command.date("by"), command.date("date"));
            }
            case "record-dispute" -> outcomes.dispute(command.required("invoice"), command.date("date"),
                    command.required("reason"));
            case "record-note" -> outcomes.note(command.required("account"), command.required("text"),
                    command.date("date"));
            default -> throw new IllegalStateException(command.command());
        };
        console.println(recorded.message());
        return ExitCode.OK;
    }
}
