package org.liasse.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from Debian's packages, in its own data folder on a free loopback port, run as
 * the {@code postgres} system user when the tests run as root (PostgreSQL refuses to run as root).
 */
final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean root;

    private PostgresServer(Path bin, Path data, int port, boolean root) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.root = root;
    }

    /** Creates a cluster with a database {@code liasse} owned by user {@code liasse} (password {@code password}). */
    static PostgresServer start(String password) throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.max(Comparator.naturalOrder()).orElseThrow(() ->
                new IllegalStateException("PostgreSQL is not installed: run ./test.sh, which installs it")).resolve("bin");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "pg-");
        PostgresServer server = new PostgresServer(bin, data, Distribution.freePort(), root);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", data.toString()));
        }
        server.as(bin.resolve("initdb").toString(), "-D", data.resolve("cluster").toString(), "-U", "postgres",
            "--auth=trust", "-E", "UTF8");
        server.as(bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-l",
            data.resolve("server.log").toString(), "-w", "-o",
            "-p " + server.port + " -k " + data + " -c listen_addresses=127.0.0.1", "start");
        server.psql("CREATE USER liasse PASSWORD '" + password + "'");
        server.psql("CREATE DATABASE liasse OWNER liasse");
        return server;
    }

    int port() {
        return port;
    }

    /** Runs one SQL statement as the superuser and returns its unaligned output. */
    String psql(String sql) throws IOException, InterruptedException {
        return as(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
            "-d", sql.startsWith("CREATE") ? "postgres" : "liasse", "-At", "-c", sql);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        as(bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-m", "fast", "-w", "stop");
    }

    private String as(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return run(full);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output.strip();
    }
}
