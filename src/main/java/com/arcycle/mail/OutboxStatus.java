package com.arcycle.mail;

/** Where a statement's email stands (docs/mail.md says what to do about each). */
public enum OutboxStatus {
    /** To be sent (or being sent); a restart sends it. */
    PENDING,
    /** The server took it (250). */
    SENT,
    /** Refused for good (5xx, or no valid address): the statement goes to paper. */
    FAILED,
    /** The customer has no email address: paper. */
    NO_EMAIL,
    /** The customer asked for paper only ({@code statement_delivery} {@code POST}). */
    BY_POST
}
