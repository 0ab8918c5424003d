package com.arcycle.cycle;

import java.time.LocalDate;

/**
 * What the database says of earlier cycles.
 *
 * @param lastCompleted the latest completed cycle date, or null before the first cycle
 * @param unfinished a cycle that was started and has not completed (failed or crashed), or null
 */
public record CycleHistory(LocalDate lastCompleted, LocalDate unfinished) {
}
