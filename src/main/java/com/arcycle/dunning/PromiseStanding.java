package com.arcycle.dunning;

import java.math.BigDecimal;

/**
 * A promise as the cycle stands it: active on the cycle date (rule 4.5) or broken since the
 * previous cycle (rule 4.6), with what the account paid towards it (from its creation to the cycle
 * date, or to its promised date when broken). The statement names it.
 */
public record PromiseStanding(Promise promise, BigDecimal received) {
}
