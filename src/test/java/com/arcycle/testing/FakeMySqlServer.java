package com.arcycle.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A hostile MySQL server on a loopback port, as an attacker would set one up behind
 * ARCYCLE_DB_URL: it speaks just enough of the client/server protocol (handshake v10, any login
 * is fine) and answers the queries it chooses with a LOAD DATA LOCAL INFILE request for a file of
 * its choosing (0xFB and the file name), whatever the query was. Every byte a client sends as file
 * content is kept. Other commands get an OK, so the driver carries on.
 */
public final class FakeMySqlServer implements AutoCloseable {

    private static final int CLIENT_LONG_PASSWORD = 0x1;
    private static final int CLIENT_FOUND_ROWS = 0x2;
    private static final int CLIENT_LONG_FLAG = 0x4;
    private static final int CLIENT_CONNECT_WITH_DB = 0x8;
    private static final int CLIENT_LOCAL_FILES = 0x80;
    private static final int CLIENT_PROTOCOL_41 = 0x200;
    private static final int CLIENT_TRANSACTIONS = 0x2000;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;
    private static final int CLIENT_MULTI_RESULTS = 0x20000;
    private static final int CLIENT_PLUGIN_AUTH = 0x80000;
    private static final int CAPABILITIES = CLIENT_LONG_PASSWORD | CLIENT_FOUND_ROWS | CLIENT_LONG_FLAG
            | CLIENT_CONNECT_WITH_DB | CLIENT_LOCAL_FILES | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS
            | CLIENT_SECURE_CONNECTION | CLIENT_MULTI_RESULTS | CLIENT_PLUGIN_AUTH;
    private static final int COM_QUIT = 0x01;
    private static final int COM_QUERY = 0x03;

    private final ServerSocket socket;
    private final String requestedFile;
    private final Predicate<String> asksForTheFile;
    private final ByteArrayOutputStream fileContent = new ByteArrayOutputStream();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger fileRequests = new AtomicInteger();

    /**
     * @param requestedFile the file the server asks the client for
     * @param asksForTheFile the queries it answers with that request (the others get an OK)
     */
    public FakeMySqlServer(String requestedFile, Predicate<String> asksForTheFile) throws IOException {
        this.requestedFile = requestedFile;
        this.asksForTheFile = asksForTheFile;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-mysql");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port() + "/" + database;
    }

    /** Every byte the clients sent as file content, all connections together. */
    public byte[] fileContent() {
        synchronized (fileContent) {
            return fileContent.toByteArray();
        }
    }

    List<String> queries() {
        return List.copyOf(queries);
    }

    public int connections() {
        return connections.get();
    }

    public int fileRequests() {
        return fileRequests.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(client), "fake-mysql-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(30_000);
            write(out, 0, handshake());
            read(in); // the handshake response: any user, any password
            write(out, 2, ok(0));
            Packet next = null;
            while (true) {
                Packet command = next != null ? next : read(in);
                next = null;
                if (command.payload.length == 0 || command.payload[0] == COM_QUIT) {
                    return;
                }
                if (command.payload[0] != COM_QUERY) {
                    write(out, command.sequence + 1, ok(0));
                    continue;
                }
                String query = new String(command.payload, 1, command.payload.length - 1, StandardCharsets.UTF_8);
                queries.add(query);
                if (!asksForTheFile.test(query)) {
                    answer(out, command.sequence, query);
                    continue;
                }
                fileRequests.incrementAndGet();
                byte[] name = requestedFile.getBytes(StandardCharsets.UTF_8);
                byte[] request = new byte[name.length + 1];
                request[0] = (byte) 0xFB;
                System.arraycopy(name, 0, request, 1, name.length);
                write(out, command.sequence + 1, request);
                // A client that takes the request sends the content in packets that go on counting,
                // then an empty one; one that ignores it sends its next command (counting from 0).
                long lines = 0;
                int sequence = command.sequence + 2;
                while (true) {
                    Packet data = read(in);
                    if (data.sequence != (sequence & 0xFF)) {
                        next = data;
                        break;
                    }
                    sequence++;
                    synchronized (fileContent) {
                        fileContent.write(data.payload);
                    }
                    for (byte b : data.payload) {
                        lines += b == '\n' ? 1 : 0;
                    }
                    if (data.payload.length == 0) {
                        write(out, sequence, ok(lines));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /**
     * A SELECT or SHOW gets a result of one text column: one row for the isolation level (which
     * the pool asks), no rows else. Anything else gets an OK.
     */
    private static void answer(OutputStream out, int sequence, String query) throws IOException {
        String statement = query.replaceFirst("^\\s*/\\*.*?\\*/\\s*", "").toUpperCase(java.util.Locale.ROOT);
        if (!statement.startsWith("SELECT") && !statement.startsWith("SHOW")) {
            write(out, sequence + 1, ok(0));
            return;
        }
        write(out, sequence + 1, new byte[] {1}); // one column
        ByteArrayOutputStream column = new ByteArrayOutputStream();
        for (String part : new String[] {"def", "", "", "", "x", "x"}) {
            column.write(part.length());
            column.writeBytes(part.getBytes(StandardCharsets.US_ASCII));
        }
        column.write(0x0c);
        column.writeBytes(new byte[] {45, 0, (byte) 0xFF, 0, 0, 0, (byte) 0xFD, 0, 0, 0, 0, 0});
        write(out, sequence + 2, column.toByteArray());
        write(out, sequence + 3, new byte[] {(byte) 0xFE, 0, 0, 2, 0}); // end of columns
        int next = sequence + 4;
        if (statement.contains("ISOLATION")) {
            byte[] level = "READ-COMMITTED".getBytes(StandardCharsets.US_ASCII);
            byte[] row = new byte[level.length + 1];
            row[0] = (byte) level.length;
            System.arraycopy(level, 0, row, 1, level.length);
            write(out, next++, row);
        }
        write(out, next, new byte[] {(byte) 0xFE, 0, 0, 2, 0}); // end of rows
    }

    private static byte[] handshake() {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(10); // protocol version
        p.writeBytes("8.0.36-fake\0".getBytes(StandardCharsets.US_ASCII));
        p.writeBytes(new byte[] {1, 0, 0, 0}); // connection id
        p.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII)); // scramble, first part
        p.write(0);
        p.write(CAPABILITIES & 0xFF);
        p.write((CAPABILITIES >> 8) & 0xFF);
        p.write(45); // utf8mb4_general_ci
        p.writeBytes(new byte[] {2, 0}); // autocommit
        p.write((CAPABILITIES >> 16) & 0xFF);
        p.write((CAPABILITIES >> 24) & 0xFF);
        p.write(21); // scramble length
        p.writeBytes(new byte[10]);
        p.writeBytes("ijklmnopqrst\0".getBytes(StandardCharsets.US_ASCII)); // scramble, second part
        p.writeBytes("mysql_native_password\0".getBytes(StandardCharsets.US_ASCII));
        return p.toByteArray();
    }

    /** An OK packet: affected rows (below 251), no insert id, autocommit, no warnings. */
    private static byte[] ok(long affectedRows) {
        if (affectedRows >= 251) {
            return new byte[] {0, (byte) 0xFC, (byte) affectedRows, (byte) (affectedRows >> 8), 0, 2, 0, 0, 0};
        }
        return new byte[] {0, (byte) affectedRows, 0, 2, 0, 0, 0};
    }

    private record Packet(int sequence, byte[] payload) {
    }

    private static Packet read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            throw new EOFException();
        }
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException();
        }
        return new Packet(header[3] & 0xFF, payload);
    }

    private static void write(OutputStream out, int sequence, byte[] payload) throws IOException {
        out.write(new byte[] {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16),
                (byte) sequence});
        out.write(payload);
        out.flush();
    }
}
