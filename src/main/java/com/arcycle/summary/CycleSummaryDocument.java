package com.arcycle.summary;

import java.util.List;
import java.util.Objects;
import com.arcycle.reports.Letterhead;
import com.arcycle.totals.CycleTotals;
import com.arcycle.mail.OutboxQueries;

/**
 * The cycle summary for the owner and the accountant ({@code OUT/<cycle-date>/cycle-summary.pdf}):
 * this cycle's figures beside the previous cycle's.
 *
 * @param business the business, named in the heading
 * @param currency the ledger's ISO 4217 currency code
 * @param agingBucketEdges the aging bucket edges in days ({@code arcycle.policy.aging-bucket-edges},
 *        default 30, 60, 90, 120), for the buckets' labels
 * @param current this cycle's figures; its cycle date is the summary's date and the PDF's creation date
 * @param previous the previous completed cycle's figures, or null for the first cycle of the ledger
 * @param delivery how this cycle's statements went (emailed, posted, undeliverable), or null: not shown
 * @param previousDelivery the previous cycle's, or null
 */
public record CycleSummaryDocument(Letterhead business, String currency, List<Integer> agingBucketEdges,
        CycleTotals current, CycleTotals previous, OutboxQueries.Counts delivery, OutboxQueries.Counts previousDelivery) {

    public CycleSummaryDocument {
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(current, "current");
        agingBucketEdges = List.copyOf(agingBucketEdges);
        if (agingBucketEdges.size() != 4) {
            throw new IllegalArgumentException("agingBucketEdges: four edges expected, got " + agingBucketEdges);
        }
        if (previous != null && !previous.cycleDate().isBefore(current.cycleDate())) {
            throw new IllegalArgumentException("the previous cycle " + previous.cycleDate()
                    + " is not before " + current.cycleDate());
        }
    }
}
