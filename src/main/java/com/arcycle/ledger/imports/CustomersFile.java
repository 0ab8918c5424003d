package com.arcycle.ledger.imports;

import static com.arcycle.ledger.imports.LoadedRows.byKey;
import static com.arcycle.ledger.imports.LoadedRows.date;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.ledger.imports.LedgerRows.Customer;
import com.arcycle.policy.LateFeeMode;

/**
 * customers.csv into the customer table. Customers are master data: a known account takes the
 * file's name, contact, address and modes, and keeps the customer_since it was first loaded with.
 */
final class CustomersFile implements ImportTarget<Customer> {

    /** The columns in the order of {@link #values}. */
    private static final Table TABLE = Table.of("customer", "name", "email", "phone", "address_line1",
            "address_line2", "city", "region", "postal_code", "country", "late_fee_mode", "recurring_service",
            "statement_delivery", "customer_since", "account_number");

    private final NamedParameterJdbcTemplate named;
    private final BulkInserter bulk;

    CustomersFile(NamedParameterJdbcTemplate named, BulkInserter bulk) {
        this.named = named;
        this.bulk = bulk;
    }

    @Override
    public String key(Customer row) {
        return row.accountNumber();
    }

    @Override
    public String keyColumn() {
        return "account_number";
    }

    @Override
    public Map<String, Customer> loaded(Collection<Customer> rows) {
        return byKey(named.query("SELECT * FROM customer WHERE account_number IN (:ids)",
                Map.of("ids", rows.stream().map(Customer::accountNumber).toList()), (rs, n) -> {
                    String mode = rs.getString("late_fee_mode");
                    return new Customer(rs.getString("account_number"), rs.getString("name"), rs.getString("email"),
                            rs.getString("phone"), rs.getString("address_line1"), rs.getString("address_line2"),
                            rs.getString("city"), rs.getString("region"), rs.getString("postal_code"),
                            rs.getString("country"), date(rs, "customer_since"),
                            mode == null ? null : LateFeeMode.valueOf(mode), rs.getBoolean("recurring_service"),
                            rs.getString("statement_delivery"));
                }), Customer::accountNumber);
    }

    /** A customer refers to nothing. */
    @Override
    public boolean nothingLoaded() {
        return LoadedRows.empty(named, "customer");
    }

    @Override
    public ReferenceCheck<Customer> references(Collection<Customer> rows) {
        return row -> Optional.empty();
    }

    @Override
    public Optional<String> conflict(Customer loaded, Customer row) {
        return Optional.empty();
    }

    /** customer_since is kept as first loaded (files-and-commands.md); good standing counts from it. */
    @Override
    public Customer merge(Customer loaded, Customer row) {
        return new Customer(row.accountNumber(), row.name(), row.email(), row.phone(), row.addressLine1(),
                row.addressLine2(), row.city(), row.region(), row.postalCode(), row.country(),
                loaded.customerSince(), row.lateFeeMode(), row.recurringService(), row.statementDelivery());
    }

    @Override
    public Optional<String> note(Customer loaded, Customer row) {
        return loaded.customerSince().equals(row.customerSince()) ? Optional.empty()
                : Optional.of("account " + row.accountNumber() + " has customer_since " + row.customerSince()
                        + ", but " + loaded.customerSince() + " was loaded first and is kept");
    }

    @Override
    public void insert(List<Customer> rows) {
        bulk.insert(TABLE, rows.stream().map(c -> values(c, c.customerSince())).toList());
    }

    @Override
    public void update(List<Customer> rows) {
        named.getJdbcTemplate().batchUpdate("""
                UPDATE customer SET name = ?, email = ?, phone = ?, address_line1 = ?, address_line2 = ?,
                    city = ?, region = ?, postal_code = ?, country = ?, late_fee_mode = ?, recurring_service = ?,
                    statement_delivery = ?
                WHERE account_number = ?
                """, rows.stream().map(c -> values(c)).toList());
    }

    /** The columns a customers.csv row may change, then {@code more}, then the account number. */
    private static Object[] values(Customer c, Object... more) {
        List<Object> values = new ArrayList<>(Arrays.asList(c.name(), c.email(), c.phone(), c.addressLine1(),
                c.addressLine2(), c.city(), c.region(), c.postalCode(), c.country(),
                c.lateFeeMode() == null ? null : c.lateFeeMode().name(), c.recurringService(), c.statementDelivery()));
        values.addAll(Arrays.asList(more));
        values.add(c.accountNumber());
        return values.toArray();
    }
}
