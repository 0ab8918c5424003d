package com.arcycle.calls;

import java.util.List;
import java.util.stream.Collectors;

import com.arcycle.calls.CallListQueries.Note;

/**
 * The call notes of an account as one text, the way the referral file's {@code call_notes} column
 * gives them: oldest first, each {@code yyyy-MM-dd:text}, joined by {@code ;} (like its
 * {@code notices}). A note therefore may not hold a {@code ;} or a line break.
 */
public final class CallNotes {

    /** Separates the notes in the {@code call_notes} column. */
    public static final String SEPARATOR = ";";

    private CallNotes() {
    }

    static String join(List<Note> notes) {
        return notes.stream().map(n -> n.date() + ":" + n.text()).collect(Collectors.joining(SEPARATOR));
    }

    /** Why a note's text cannot be kept, or null when it can. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "a note needs some text";
        }
        if (text.contains(SEPARATOR)) {
            return "a note may not contain ';' (it separates the notes in the referral file's call_notes column);"
                    + " use ',' instead";
        }
        if (text.chars().anyMatch(ch -> ch == '\n' || ch == '\r')) {
            return "a note is one line of text";
        }
        if (text.strip().length() > 1000) {
            return "a note is at most 1000 characters";
        }
        return null;
    }
}
