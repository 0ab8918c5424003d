package com.arcycle.reports;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business's letterhead and terms on every statement: {@code arcycle.business.*}.
 *
 * @param paymentTerms the terms printed on statements ("net 30 days from the invoice date")
 * @param collectionsNoticeDays how many days after a final demand's date the account goes to
 *     collections, as the final demand states it (normally the next cycle: 30)
 */
@ConfigurationProperties("arcycle.business")
public record BusinessProperties(
        @DefaultValue("Your Business Name (set arcycle.business.name)") String name,
        @DefaultValue({}) List<String> address,
        @DefaultValue("") String phone,
        @DefaultValue("") String email,
        @DefaultValue("") String paymentInstructions,
        @DefaultValue("net 30 days from the invoice date") String paymentTerms,
        @DefaultValue("30") int collectionsNoticeDays) {

    public Letterhead letterhead() {
        return new Letterhead(name, address, phone, email, paymentInstructions);
    }
}
