package com.arcycle.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

import com.arcycle.dunning.Stage;

/**
 * A notice sent to an account: the cycle's statement at its stage, and how it reached the account
 * ({@code EMAIL}, {@code POST} or {@code EMAIL+POST}, see {@link #channel}).
 */
public record Notice(LocalDate cycleDate, Stage stage, String channel) {

    /**
     * How a statement reached the customer, from its row in the mail package's outbox (null, null
     * when it has none: the cycle ran with email off): emailed when the server took it, and posted
     * when it went into the print file (the outbox's {@code TO_PAPER}: by choice, or not emailed).
     */
    public static String channel(String outboxChannel, String outboxStatus) {
        boolean emailed = "SENT".equals(outboxStatus);
        boolean posted = !emailed || !"EMAIL".equals(outboxChannel);
        return emailed && posted ? "EMAIL+POST" : emailed ? "EMAIL" : "POST";
    }

    /** The referral file's {@code notice_channels}: as {@link #paperTrail}, "date:CHANNEL" joined by ";". */
    public static String channelTrail(List<Notice> notices) {
        List<Notice> ordered = new ArrayList<>(notices);
        ordered.sort(Comparator.comparing(Notice::cycleDate));
        StringJoiner joined = new StringJoiner(";");
        for (Notice notice : ordered) {
            joined.add(notice.cycleDate() + ":" + notice.channel());
        }
        return joined.toString();
    }

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
