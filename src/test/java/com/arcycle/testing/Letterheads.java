package com.arcycle.testing;

import java.util.List;

import com.arcycle.reports.Letterhead;

/** The letterhead the document tests print: the demo's business. */
public final class Letterheads {

    public static final Letterhead HARBOR_LANE = new Letterhead("Harbor Lane Services LLC",
            List.of("418 Harbor Lane, Suite 200", "Portland, ME 04101"), "(207) 555-0142",
            "billing@harborlane.example",
            "Checks payable to Harbor Lane Services LLC. Bank transfer: Casco Bay Bank, routing 011200365,"
                    + " account 4401 2877. Please write your account number on your check.");

    private Letterheads() {
    }
}
