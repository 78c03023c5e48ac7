package org.liasse.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A partner distribution unpacked from its built archive and run as a real process ({@code bin/karaf server}),
 * on free ports, as an operator would run it.
 */
public final class Distribution implements AutoCloseable {

    private final String partner;
    private final Path home;
    private final int httpPort;
    private final Map<String, String> environment;
    private static final Set<Integer> GIVEN_PORTS = ConcurrentHashMap.newKeySet();

    private Process process;

    private Distribution(String partner, Path home, int httpPort, Map<String, String> environment) {
        this.partner = partner;
        this.home = home;
        this.httpPort = httpPort;
        this.environment = environment;
    }

    /** Unpacks a fresh copy of the partner's archive under {@code target/dist/}. */
    public static Distribution unpack(String partner, Map<String, String> environment) throws IOException, InterruptedException {
        Path root = Files.createDirectories(Path.of("target", "dist").toAbsolutePath());
        Path work = Files.createTempDirectory(root, partner + "-");
        run(work, "tar", "-xzf", archive(partner).getAbsolutePath());
        Path home;
        try (Stream<Path> children = Files.list(work)) {
            home = children.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Distribution distribution = new Distribution(partner, home, freePort(), environment);
        distribution.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort()));
        distribution.setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
        distribution.setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
        return distribution;
    }

    /** Password of every demo account. */
    public static final String DEMO_PASSWORD = "Demo-Liasse-2025!";
    private static final long DEMO_TIMEOUT = 180_000;

    /** A configuration step run on the unpacked distribution before it starts. */
    @FunctionalInterface
    public interface Setup {
        void apply(Distribution distribution) throws IOException;
    }

    /**
     * Unpacks and starts a partner distribution in demo mode, then waits until its API answers and the demo data
     * (accounts, past campaigns, open dossiers) is loaded.
     */
    public static Distribution demo(String partner, Setup setup) throws IOException, InterruptedException {
        return partnerDemo(partner, distribution -> {
            // The core scenarios run on the ministry's statements alone: its three demo organisations and ER.
            distribution.setProperty("etc/org.liasse.demo.cfg", "questionnaires", "ER");
            distribution.setProperty("etc/org.liasse.demo.cfg", "extraOrganisations", "");
            setup.apply(distribution);
        });
    }

    /**
     * Unpacks and starts a partner distribution in the demo mode it ships with (every questionnaire and demo
     * organisation of the partner), then waits like {@link #demo(String, Setup)}.
     */
    public static Distribution partnerDemo(String partner, Setup setup) throws IOException, InterruptedException {
        Distribution distribution = unpack(partner, Map.of("LIASSE_DEMO", "true"));
        setup.apply(distribution);
        distribution.start();
        Await.until(partner + " health", DEMO_TIMEOUT, () -> distribution.http().get("/health"), r -> r.status() == 200);
        Path log = distribution.home().resolve("data/log/karaf.log");
        Await.until("demo data", DEMO_TIMEOUT, () -> readQuietly(log), text -> text.contains("closes et remplies"));
        return distribution;
    }

    /** {@link #demo(String, Setup)} without extra configuration. */
    public static Distribution demo(String partner) throws IOException, InterruptedException {
        return demo(partner, distribution -> { });
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The lines of {@code data/log/karaf.log} at level WARN or ERROR: those of Pax Logging ({@code | WARN  |}) and those
     * the launcher writes through {@code java.util.logging} before Pax Logging starts ({@code WARNING:}, {@code SEVERE:}).
     */
    public List<String> logWarningsAndErrors() throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("data/log/karaf.log"), java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("| WARN  |") || line.contains("| ERROR |")
                || line.startsWith("WARNING:") || line.startsWith("SEVERE:")).toList();
        }
    }

    /** One property of a configuration file under the distribution, as {@link #setProperty} writes it. */
    public String property(String file, String key) throws IOException {
        for (String line : Files.readAllLines(home.resolve(file))) {
            String stripped = line.strip();
            if (stripped.startsWith(key + " ") || stripped.startsWith(key + "=")) {
                return stripped.substring(stripped.indexOf('=') + 1).strip();
            }
        }
        throw new IllegalArgumentException(key + " absent de " + file);
    }

    /** Sets (or adds) one property of a configuration file under the distribution. */
    public void setProperty(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = new ArrayList<>(Files.exists(path) ? Files.readAllLines(path) : List.of());
        lines.removeIf(line -> line.strip().startsWith(key + " ") || line.strip().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(path, lines);
    }

    /**
     * Drops a plugin jar into {@code deploy/} as an operator's copy should: written aside, then moved in one step, so
     * that Karaf never reads half a file. Replaces a jar of the same name.
     */
    public Path deploy(String fileName, byte[] jar) throws IOException {
        Path staging = Files.createTempFile(home, "plugin", ".part");
        Files.write(staging, jar);
        return Files.move(staging, home.resolve("deploy").resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
    }

    /** The jar of a plugin shipped with the distribution (under {@code system/}). */
    public Path shippedJar(String symbolicName) throws IOException {
        try (Stream<Path> jars = Files.walk(home.resolve("system/org/liasse/" + symbolicName))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    /**
     * Runs a Karaf shell command through {@code bin/client}, as the {@code karaf} user that {@link #enableShell()}
     * creates; returns what the session printed. The command is typed on the client's input, then {@code logout}
     * (a command given as argument with no terminal prints nothing).
     */
    public String shell(String command) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-u", "karaf", "-p", "karaf",
            "-r", "10").directory(home.toFile()).redirectErrorStream(true).start();
        try (var input = client.getOutputStream()) {
            input.write((command + "\nlogout\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String output = new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!client.waitFor(120, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IOException("bin/client " + command + " did not end: " + output);
        }
        return output;
    }

    /** Adds a shell user {@code karaf} (password {@code karaf}) for {@link #shell(String)}; call before start. */
    public void enableShell() throws IOException {
        Files.writeString(home.resolve("etc/users.properties"),
            "karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
    }

    /** Kills the Karaf process at once ({@code kill -9}), as a crash would. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
        // The JVM, a child of bin/karaf, may outlive the script by a moment: wait until it is gone too, so that
        // nothing holds the database any more
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("process " + handle.pid() + " still running after kill -9", e);
            }
        }
        process = null;
    }

    /** Starts Karaf in server mode. */
    public void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        builder.environment().put("LIASSE_HTTP_PORT", Integer.toString(httpPort));
        process = builder.start();
    }

    /** Waits for Karaf to end by itself and returns its exit status. */
    public int awaitExit(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("bin/karaf server still running after " + timeoutMillis + " ms");
        }
        int status = process.exitValue();
        process = null;
        return status;
    }

    /** Stops Karaf cleanly with {@code bin/stop} and waits for the process to end. */
    public void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        run(home, home.resolve("bin/stop").toString());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        process = null;
    }

    /** The Java process of the running Karaf, if any. */
    public ProcessHandle javaProcess() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
            .orElse(process.toHandle());
    }

    public Http http() {
        return new Http(httpPort);
    }

    public int httpPort() {
        return httpPort;
    }

    public Path home() {
        return home;
    }

    public String partner() {
        return partner;
    }

    /** The built archive of a partner distribution. */
    public static File archive(String partner) {
        return new File(System.getProperty("liasse.distributions"), partner + "/target/" + partner + "-"
            + System.getProperty("liasse.version") + ".tar.gz");
    }

    /**
     * A TCP port free at the time of the call and never given before in this run: the ports of one distribution
     * (HTTP, console, RMI) are chosen before it binds any, so the kernel could otherwise offer one of them twice.
     */
    public static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (GIVEN_PORTS.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
