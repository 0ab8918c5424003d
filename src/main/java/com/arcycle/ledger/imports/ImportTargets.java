package com.arcycle.ledger.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.arcycle.ledger.imports.LedgerRows.Customer;
import com.arcycle.ledger.imports.LedgerRows.Dispute;
import com.arcycle.ledger.imports.LedgerRows.Invoice;
import com.arcycle.ledger.imports.LedgerRows.Payment;
import com.arcycle.ledger.imports.LedgerRows.Promise;
import com.arcycle.policy.LateFeeMode;

/** The tables the five ledger files load into, and their checks against what is loaded. */
final class ImportTargets {

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;

    ImportTargets(NamedParameterJdbcTemplate named) {
        this.named = named;
        this.jdbc = named.getJdbcTemplate();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        for (T row : rows) {
            map.put(key.apply(row), row);
        }
        return map;
    }

    private Set<String> knownAccounts(Collection<String> accounts) {
        return new HashSet<>(named.queryForList("SELECT account_number FROM customer WHERE account_number IN (:ids)",
                Map.of("ids", new HashSet<>(accounts)), String.class));
    }

    private static Optional<RowRejected> unknownAccount(Set<String> known, String account) {
        return known.contains(account) ? Optional.empty()
                : Optional.of(new RowRejected("account_number", account, "unknown account " + account
                        + " (not in customers.csv)"));
    }

    /** The first column whose value differs, in snake_case as in the file. */
    static Optional<String> firstDifference(Record a, Record b) {
        for (var component : a.getClass().getRecordComponents()) {
            try {
                Object x = component.getAccessor().invoke(a);
                Object y = component.getAccessor().invoke(b);
                if (!Objects.equals(x, y)) {
                    return Optional.of(component.getName().replaceAll("([A-Z0-9]+)", "_$1").toLowerCase());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    ImportTarget<Customer> customers() {
        return new ImportTarget<>() {
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
                            return new Customer(rs.getString("account_number"), rs.getString("name"),
                                    rs.getString("email"), rs.getString("phone"), rs.getString("address_line1"),
                                    rs.getString("address_line2"), rs.getString("city"), rs.getString("region"),
                                    rs.getString("postal_code"), rs.getString("country"), date(rs, "customer_since"),
                                    mode == null ? null : LateFeeMode.valueOf(mode), rs.getBoolean("recurring_service"));
                        }), Customer::accountNumber);
            }

            @Override
            public ReferenceCheck<Customer> references(Collection<Customer> rows) {
                return row -> Optional.empty();
            }

            /** Customers are master data: a known account takes the file's name, contact, address and modes. */
            @Override
            public Optional<String> conflict(Customer loaded, Customer row) {
                return Optional.empty();
            }

            /** customer_since is kept as first loaded (files-and-commands.md); good standing counts from it. */
            @Override
            public Customer merge(Customer loaded, Customer row) {
                return new Customer(row.accountNumber(), row.name(), row.email(), row.phone(), row.addressLine1(),
                        row.addressLine2(), row.city(), row.region(), row.postalCode(), row.country(),
                        loaded.customerSince(), row.lateFeeMode(), row.recurringService());
            }

            @Override
            public Optional<String> note(Customer loaded, Customer row) {
                return loaded.customerSince().equals(row.customerSince()) ? Optional.empty()
                        : Optional.of("account " + row.accountNumber() + " has customer_since " + row.customerSince()
                                + ", but " + loaded.customerSince() + " was loaded first and is kept");
            }

            @Override
            public void insert(List<Customer> rows) {
                jdbc.batchUpdate("""
                        INSERT INTO customer (name, email, phone, address_line1, address_line2, city, region,
                            postal_code, country, late_fee_mode, recurring_service, customer_since, account_number)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, rows.stream().map(c -> values(c, c.customerSince())).toList());
            }

            @Override
            public void update(List<Customer> rows) {
                jdbc.batchUpdate("""
                        UPDATE customer SET name = ?, email = ?, phone = ?, address_line1 = ?, address_line2 = ?,
                            city = ?, region = ?, postal_code = ?, country = ?, late_fee_mode = ?, recurring_service = ?
                        WHERE account_number = ?
                        """, rows.stream().map(c -> values(c)).toList());
            }

            /** The columns a customers.csv row may change, then {@code more}, then the account number. */
            private static Object[] values(Customer c, Object... more) {
                List<Object> values = new ArrayList<>(Arrays.asList(c.name(), c.email(), c.phone(), c.addressLine1(),
                        c.addressLine2(), c.city(), c.region(), c.postalCode(), c.country(),
                        c.lateFeeMode() == null ? null : c.lateFeeMode().name(), c.recurringService()));
                values.addAll(Arrays.asList(more));
                values.add(c.accountNumber());
                return values.toArray();
            }
        };
    }

    ImportTarget<Invoice> invoices() {
        return new ImportTarget<>() {
            @Override
            public String key(Invoice row) {
                return row.invoiceNumber();
            }

            @Override
            public String keyColumn() {
                return "invoice_number";
            }

            @Override
            public Map<String, Invoice> loaded(Collection<Invoice> rows) {
                return byKey(named.query("SELECT * FROM invoice WHERE invoice_number IN (:ids)",
                        Map.of("ids", rows.stream().map(Invoice::invoiceNumber).toList()),
                        (rs, n) -> new Invoice(rs.getString("invoice_number"), rs.getString("account_number"),
                                date(rs, "issue_date"), date(rs, "due_date"), rs.getBigDecimal("amount"),
                                rs.getString("description"))), Invoice::invoiceNumber);
            }

            @Override
            public ReferenceCheck<Invoice> references(Collection<Invoice> rows) {
                Set<String> known = knownAccounts(rows.stream().map(Invoice::accountNumber).toList());
                return row -> unknownAccount(known, row.accountNumber());
            }

            @Override
            public Optional<String> conflict(Invoice loaded, Invoice row) {
                return firstDifference(loaded, row);
            }

            @Override
            public void insert(List<Invoice> rows) {
                jdbc.batchUpdate("INSERT INTO invoice (invoice_number, account_number, issue_date, due_date, amount,"
                        + " description) VALUES (?, ?, ?, ?, ?, ?)", rows.stream().map(i -> new Object[] {
                                i.invoiceNumber(), i.accountNumber(), i.issueDate(), i.dueDate(), i.amount(),
                                i.description()}).toList());
            }

            @Override
            public void update(List<Invoice> rows) {
                throw new IllegalStateException("invoices are never updated");
            }
        };
    }

    ImportTarget<Payment> payments() {
        return new ImportTarget<>() {
            @Override
            public String key(Payment row) {
                return row.paymentId();
            }

            @Override
            public String keyColumn() {
                return "payment_id";
            }

            @Override
            public Map<String, Payment> loaded(Collection<Payment> rows) {
                return byKey(named.query("SELECT * FROM payment WHERE payment_id IN (:ids)",
                        Map.of("ids", rows.stream().map(Payment::paymentId).toList()),
                        (rs, n) -> new Payment(rs.getString("payment_id"), rs.getString("account_number"),
                                rs.getString("invoice_number"), date(rs, "received_date"), rs.getBigDecimal("amount"),
                                rs.getString("reference"))), Payment::paymentId);
            }

            @Override
            public ReferenceCheck<Payment> references(Collection<Payment> rows) {
                Set<String> known = knownAccounts(rows.stream().map(Payment::accountNumber).toList());
                List<String> invoices = rows.stream().map(Payment::invoiceNumber).filter(Objects::nonNull).toList();
                Map<String, String> invoiceAccount = new HashMap<>();
                if (!invoices.isEmpty()) {
                    named.query("SELECT invoice_number, account_number FROM invoice WHERE invoice_number IN (:ids)",
                            Map.of("ids", new HashSet<>(invoices)),
                            rs -> {
                                invoiceAccount.put(rs.getString(1), rs.getString(2));
                            });
                }
                return row -> {
                    Optional<RowRejected> account = unknownAccount(known, row.accountNumber());
                    if (account.isPresent() || row.invoiceNumber() == null) {
                        return account;
                    }
                    String owner = invoiceAccount.get(row.invoiceNumber());
                    if (owner == null) {
                        return Optional.of(new RowRejected("invoice_number", row.invoiceNumber(),
                                "unknown invoice " + row.invoiceNumber() + " (not in invoices.csv)"));
                    }
                    if (!owner.equals(row.accountNumber())) {
                        return Optional.of(new RowRejected("invoice_number", row.invoiceNumber(), "invoice "
                                + row.invoiceNumber() + " belongs to account " + owner + ", not " + row.accountNumber()));
                    }
                    return Optional.empty();
                };
            }

            @Override
            public Optional<String> conflict(Payment loaded, Payment row) {
                return firstDifference(loaded, row);
            }

            @Override
            public void insert(List<Payment> rows) {
                jdbc.batchUpdate("INSERT INTO payment (payment_id, account_number, invoice_number, received_date,"
                        + " amount, reference) VALUES (?, ?, ?, ?, ?, ?)", rows.stream().map(p -> new Object[] {
                                p.paymentId(), p.accountNumber(), p.invoiceNumber(), p.receivedDate(), p.amount(),
                                p.reference()}).toList());
            }

            @Override
            public void update(List<Payment> rows) {
                throw new IllegalStateException("payments are never updated");
            }
        };
    }

    ImportTarget<Dispute> disputes() {
        return new ImportTarget<>() {
            @Override
            public String key(Dispute row) {
                return row.invoiceNumber() + "|" + row.openedDate();
            }

            @Override
            public String keyColumn() {
                return "invoice_number|opened_date";
            }

            @Override
            public Map<String, Dispute> loaded(Collection<Dispute> rows) {
                return byKey(named.query("SELECT * FROM dispute WHERE invoice_number IN (:ids)",
                        Map.of("ids", rows.stream().map(Dispute::invoiceNumber).distinct().toList()),
                        (rs, n) -> new Dispute(rs.getString("invoice_number"), date(rs, "opened_date"),
                                date(rs, "resolved_date"), rs.getString("reason"))), this::key);
            }

            @Override
            public ReferenceCheck<Dispute> references(Collection<Dispute> rows) {
                Set<String> known = new HashSet<>(named.queryForList(
                        "SELECT invoice_number FROM invoice WHERE invoice_number IN (:ids)",
                        Map.of("ids", rows.stream().map(Dispute::invoiceNumber).distinct().toList()), String.class));
                return row -> known.contains(row.invoiceNumber()) ? Optional.empty()
                        : Optional.of(new RowRejected("invoice_number", row.invoiceNumber(),
                                "unknown invoice " + row.invoiceNumber() + " (not in invoices.csv)"));
            }

            /** A dispute loaded while open may be loaded again with its resolution filled in. */
            @Override
            public Optional<String> conflict(Dispute loaded, Dispute row) {
                if (loaded.resolvedDate() == null && row.resolvedDate() != null) {
                    return Optional.empty();
                }
                return firstDifference(loaded, row);
            }

            @Override
            public void insert(List<Dispute> rows) {
                jdbc.batchUpdate("INSERT INTO dispute (invoice_number, opened_date, resolved_date, reason)"
                        + " VALUES (?, ?, ?, ?)", rows.stream().map(d -> new Object[] {d.invoiceNumber(),
                                d.openedDate(), d.resolvedDate(), d.reason()}).toList());
            }

            @Override
            public void update(List<Dispute> rows) {
                jdbc.batchUpdate("UPDATE dispute SET resolved_date = ?, reason = ? WHERE invoice_number = ?"
                        + " AND opened_date = ?", rows.stream().map(d -> new Object[] {d.resolvedDate(), d.reason(),
                                d.invoiceNumber(), d.openedDate()}).toList());
            }
        };
    }

    /**
     * Promises are known by their promise_id, or when the file gives none by all their values,
     * so two promises an account made on one day are two promises. A promise loaded without an
     * id takes the id a later file gives it for the same values.
     */
    ImportTarget<Promise> promises() {
        return new ImportTarget<>() {
            /** The id, or the values joined by NUL, which no id contains (Fields.id): the two never meet. */
            @Override
            public String key(Promise row) {
                return row.promiseId() != null ? row.promiseId() : valuesKey(row);
            }

            private static String valuesKey(Promise row) {
                return String.join("\0", row.accountNumber(), row.createdDate().toString(),
                        row.promisedDate().toString(), row.amount().toPlainString());
            }

            @Override
            public String keyColumn() {
                return "promise_id";
            }

            @Override
            public Map<String, Promise> loaded(Collection<Promise> rows) {
                List<String> ids = rows.stream().map(Promise::promiseId).filter(Objects::nonNull).toList();
                Map<String, Object> parameters = new HashMap<>();
                parameters.put("accounts", rows.stream().map(Promise::accountNumber).distinct().toList());
                parameters.put("ids", ids);
                List<Promise> loaded = named.query("""
                        SELECT promise_id, account_number, created_date, promised_date, amount FROM promise
                        WHERE account_number IN (:accounts)""" + (ids.isEmpty() ? "" : " OR promise_id IN (:ids)"),
                        parameters, (rs, n) -> new Promise(rs.getString("promise_id"), rs.getString("account_number"),
                                date(rs, "created_date"), date(rs, "promised_date"), rs.getBigDecimal("amount")));
                Map<String, Promise> byKey = new HashMap<>();
                List<Promise> withoutId = new ArrayList<>();
                for (Promise promise : loaded) {
                    if (promise.promiseId() != null) {
                        byKey.put(promise.promiseId(), promise);
                    } else {
                        withoutId.add(promise);
                    }
                }
                for (Promise promise : loaded) {
                    byKey.putIfAbsent(valuesKey(promise), promise);
                }
                for (Promise row : rows) {
                    if (row.promiseId() != null && !byKey.containsKey(row.promiseId())) {
                        withoutId.stream().filter(p -> valuesKey(p).equals(valuesKey(row))).findFirst()
                                .ifPresent(p -> {
                                    withoutId.remove(p);
                                    byKey.put(row.promiseId(), p);
                                });
                    }
                }
                return byKey;
            }

            @Override
            public ReferenceCheck<Promise> references(Collection<Promise> rows) {
                Set<String> known = knownAccounts(rows.stream().map(Promise::accountNumber).toList());
                return row -> unknownAccount(known, row.accountNumber());
            }

            /** Only a promise loaded without an id may change: it takes the id the file now gives it. */
            @Override
            public Optional<String> conflict(Promise loaded, Promise row) {
                if (loaded.promiseId() == null && row.promiseId() != null) {
                    return Optional.empty();
                }
                return firstDifference(loaded, row);
            }

            /** A row without an id leaves the id a loaded promise has. */
            @Override
            public Promise merge(Promise loaded, Promise row) {
                return row.promiseId() == null ? loaded : row;
            }

            @Override
            public void insert(List<Promise> rows) {
                jdbc.batchUpdate("INSERT INTO promise (promise_id, account_number, created_date, promised_date, amount)"
                        + " VALUES (?, ?, ?, ?, ?)", rows.stream().map(p -> new Object[] {p.promiseId(),
                                p.accountNumber(), p.createdDate(), p.promisedDate(), p.amount()}).toList());
            }

            @Override
            public void update(List<Promise> rows) {
                jdbc.batchUpdate("UPDATE promise SET promise_id = ? WHERE promise_id IS NULL AND account_number = ?"
                        + " AND created_date = ? AND promised_date = ? AND amount = ?", rows.stream()
                                .map(p -> new Object[] {p.promiseId(), p.accountNumber(), p.createdDate(),
                                        p.promisedDate(), p.amount()}).toList());
            }
        };
    }
}
