package com.arcycle.dunning;

import java.time.LocalDate;

/** An invoice whose balance reached 0, with its due date and the date it was paid off. */
public record PaidInvoice(LocalDate dueDate, LocalDate paidOffDate) {
}
