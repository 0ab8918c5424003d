package com.arcycle.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus Pushgateway (Debian's prometheus-pushgateway) on a free port of 127.0.0.1, in
 * a process of its own, keeping nothing on disk.
 */
public final class Pushgateway implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");

    private final Process process;
    private final int port;

    private Pushgateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why the Pushgateway cannot run here, or null when it can. */
    static String missing() {
        return Files.isExecutable(BINARY) ? null : BINARY + " is not installed";
    }

    public static Pushgateway start(Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pushgateway gateway = new Pushgateway(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                gateway.metrics();
                return gateway;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        gateway.close();
        throw new IllegalStateException("the Pushgateway did not answer in 30 s: " + Files.readString(log));
    }

    /** host:port, as arcycle's pushgateway.address setting takes it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** What the Pushgateway serves to Prometheus: every group pushed to it, in the text format. */
    public String metrics() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://" + address() + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /metrics answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
