package com.arcycle.ledger;

/** The two kinds of item an account owes; invoices come before fees in the FIFO order. */
public enum ItemType {
    INVOICE,
    FEE
}
