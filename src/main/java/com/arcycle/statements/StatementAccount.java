package com.arcycle.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.arcycle.aging.AgedBalance;
import com.arcycle.dunning.Promise;
import com.arcycle.dunning.Receipt;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.AccountItems;

/** What the statement step reads of one account sent a statement this cycle. */
final class StatementAccount {

    /** A fee charged by this cycle, with the original amount of the invoice it penalises. */
    record Fee(String feeId, String invoiceNumber, BigDecimal invoiceAmount, BigDecimal basis, BigDecimal amount) {
    }

    String accountNumber;
    String name;
    List<String> addressLines;
    LocalDate customerSince;
    String lateFeeMode;
    boolean recurringService;
    Stage stage;
    boolean referred;
    boolean goodStanding;
    boolean suspended;
    Integer maxDpd;
    BigDecimal pastDueTotal;
    int latePaidCount;
    AgedBalance aging;
    final AccountItems items = new AccountItems();
    final List<Fee> fees = new ArrayList<>();
    final List<Promise> promises = new ArrayList<>();
    final List<Receipt> receipts = new ArrayList<>();
}
