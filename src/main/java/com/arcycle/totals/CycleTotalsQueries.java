package com.arcycle.totals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.arcycle.aging.AgedBalance;
import com.arcycle.domain.Money;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.LedgerQueries;

/** Computes a cycle's totals, each from the table behind one of its files; and the ledger's totals now. */
@Repository
public class CycleTotalsQueries {

    private final JdbcClient jdbc;

    CycleTotalsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CycleTotals of(LocalDate cycle) {
        Map<String, Object> aged = jdbc.sql("""
                SELECT COALESCE(SUM(current_amount), 0) AS c0, COALESCE(SUM(d1_30), 0) AS c1,
                       COALESCE(SUM(d31_60), 0) AS c2, COALESCE(SUM(d61_90), 0) AS c3,
                       COALESCE(SUM(d91_120), 0) AS c4, COALESCE(SUM(d121_plus), 0) AS c5,
                       COALESCE(SUM(in_dispute), 0) AS dispute, COALESCE(SUM(unapplied_credit), 0) AS credit,
                       COALESCE(SUM(total), 0) AS total
                FROM aged_balance WHERE cycle_date = ?
                """).param(cycle).query().singleRow();
        AgedBalance aging = new AgedBalance(money(aged, "c0"), money(aged, "c1"), money(aged, "c2"),
                money(aged, "c3"), money(aged, "c4"), money(aged, "c5"), money(aged, "dispute"),
                money(aged, "credit"), money(aged, "total"));
        Map<Stage, Tally> stages = new EnumMap<>(Stage.class);
        jdbc.sql("SELECT stage, COUNT(*) AS n, COALESCE(SUM(total), 0) AS amount FROM aged_balance"
                + " WHERE cycle_date = ? GROUP BY stage").param(cycle).query((rs, n) -> {
                    stages.put(Stage.valueOf(rs.getString("stage")),
                            new Tally(rs.getInt("n"), Money.round(rs.getBigDecimal("amount"))));
                    return null;
                }).list();
        return new CycleTotals(cycle, aging, stages,
                tally("SELECT COUNT(*), COALESCE(SUM(ab.total), 0) FROM statement s LEFT JOIN aged_balance ab"
                        + " ON ab.cycle_date = s.cycle_date AND ab.account_number = s.account_number"
                        + " WHERE s.cycle_date = ?", cycle),
                tally("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM ledger_item WHERE item_type = 'FEE'"
                        + " AND posted_cycle = ?", cycle),
                tally("SELECT COUNT(DISTINCT account_number), COALESCE(SUM(balance), 0) FROM referral"
                        + " WHERE cycle_date = ?", cycle),
                tally("SELECT COUNT(*), COALESCE(SUM(balance), 0) FROM write_off WHERE cycle_date = ?", cycle),
                tally("SELECT COUNT(*), COALESCE(SUM(ac.past_due_total), 0) FROM collection_decision d"
                        + " JOIN account_cycle ac ON ac.cycle_date = d.cycle_date AND ac.account_number = d.account_number"
                        + " WHERE d.cycle_date = ? AND d.suspend = TRUE", cycle),
                jdbc.sql("SELECT COUNT(*) FROM cycle_reject WHERE cycle_date = ?").param(cycle).query(Integer.class)
                        .single(),
                Money.round(jdbc.sql("SELECT COALESCE(SUM(direct + to_credit), 0) FROM payment_posting"
                        + " WHERE cycle_date = ?").param(cycle).query(BigDecimal.class).single()),
                tally("SELECT COUNT(*), COALESCE(SUM(past_due_total), 0) FROM call_list WHERE cycle_date = ?", cycle));
    }

    /**
     * The cycle's tie-out against the previous cycle's receivables (none before the first).
     *
     * @param totals this cycle's totals ({@link #of}); previous, its previous completed cycle's, or null
     */
    public TieOut tieOut(CycleTotals totals, CycleTotals previous) {
        return new TieOut(previous == null ? null : previous.cycleDate(),
                previous == null ? Tally.NONE.amount() : previous.aging().total(),
                tally("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM ledger_item WHERE item_type = 'INVOICE'"
                        + " AND posted_cycle = ?", totals.cycleDate()),
                totals.fees(), totals.paymentsReceived(), totals.writeOffs(), totals.aging().total());
    }

    /** The ledger now: after the latest cycle, the figures the manifest gives beside the cycle's. */
    public LedgerTotals ledger() {
        Map<String, Object> row = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM customer) AS accounts,
                       (SELECT COUNT(*) FROM ledger_item li WHERE %1$s) AS open_items,
                       (SELECT COALESCE(SUM(li.balance), 0) FROM ledger_item li WHERE %1$s) AS open_balance,
                       (SELECT COALESCE(SUM(unapplied_credit), 0) FROM account_state) AS unapplied_credit
                """.formatted(LedgerQueries.open("li"))).query().singleRow();
        return new LedgerTotals(((Number) row.get("accounts")).longValue(), ((Number) row.get("open_items")).longValue(),
                money(row, "open_balance"), money(row, "unapplied_credit"));
    }

    private Tally tally(String sql, LocalDate cycle) {
        return jdbc.sql(sql).param(cycle).query((rs, n) -> new Tally(rs.getInt(1), Money.round(rs.getBigDecimal(2))))
                .single();
    }

    private static BigDecimal money(Map<String, Object> row, String column) {
        return Money.round((BigDecimal) row.get(column));
    }
}
