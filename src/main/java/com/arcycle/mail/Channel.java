package com.arcycle.mail;

/** How a statement goes to the customer, as decided for the cycle ({@link DeliveryChoice}). */
public enum Channel {
    EMAIL, POST, BOTH
}
