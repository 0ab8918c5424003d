package com.arcycle.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

import com.arcycle.dunning.Stage;

/** A notice sent to an account: the cycle's statement at its stage. */
public record Notice(LocalDate cycleDate, Stage stage) {

    /** The referral file's paper trail: oldest first, "date:STAGE" joined by ";". */
    public static String paperTrail(List<Notice> notices) {
        List<Notice> ordered = new ArrayList<>(notices);
        ordered.sort(Comparator.comparing(Notice::cycleDate));
        StringJoiner joined = new StringJoiner(";");
        for (Notice notice : ordered) {
            joined.add(notice.cycleDate() + ":" + notice.stage().name());
        }
        return joined.toString();
    }
}
