package org.billing.invoicing.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway domain of a real Payara Server (full profile), driven with {@code asadmin} as an
 * operator would: created with its own port base, started, then deployed to, and on {@link #close()}
 * stopped and deleted, even after a failure.
 *
 * <p>The server comes from the system property {@code payara.home} (the {@code payara6} directory that
 * Maven unpacks from {@code fish.payara.distributions:payara}). The domain lives under
 * {@code target/payara-domains/}; every asadmin command's output goes to {@code target/asadmin-<portbase>.log}
 * and the server log is copied to {@code target/payara-server-<portbase>.log} before the domain is deleted.
 */
final class PayaraServer implements AutoCloseable {

    private static final String DOMAIN = "invoicing-it";
    // The offsets asadmin adds to --portbase: debugger, IIOP (3), admin, Hazelcast (2), OSGi shell, JMS, HTTP, HTTPS,
    // JMX.
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final int LOG_TAIL_LINES = 80;

    private final Path home;
    private final Path domains;
    private final int portBase;
    private final Path asadminLog;
    private final Path serverLogCopy;
    private final Thread killOnExit = new Thread(this::killServer, "kill Payara Server");
    private boolean created;

    private PayaraServer(Path home, Path target, int portBase) {
        this.home = home;
        this.domains = target.resolve("payara-domains");
        this.portBase = portBase;
        this.asadminLog = target.resolve("asadmin-" + portBase + ".log");
        this.serverLogCopy = target.resolve("payara-server-" + portBase + ".log");
    }

    /**
     * Creates a fresh domain on a free port base and starts it. The server inherits nothing named
     * {@code INVOICING_*} from the shell that runs Maven: only the test decides the application's settings.
     */
    static PayaraServer start(Path target) {
        PayaraServer server = new PayaraServer(requiredDirectory("payara.home"), target, freePortBase());
        try {
            server.asadmin(
                    CREATE_TIMEOUT,
                    "create-domain",
                    "--domaindir",
                    server.domains.toString(),
                    "--portbase",
                    Integer.toString(server.portBase),
                    "--nopassword=true",
                    DOMAIN);
            server.created = true;
            // If the test JVM dies before close(), the detached server must not outlive it.
            Runtime.getRuntime().addShutdownHook(server.killOnExit);
            server.asadmin(START_TIMEOUT, "start-domain", "--domaindir", server.domains.toString(), DOMAIN);
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** {@code http://localhost:<http port>/}. */
    URI httpUri() {
        return URI.create("http://localhost:" + (portBase + 80) + "/");
    }

    /** Runs an asadmin command against this domain's admin port, e.g. {@code deploy x.ear}; fails on a non-zero exit. */
    void admin(String... command) {
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(portBase + 48)));
        arguments.addAll(List.of(command));
        asadmin(DEPLOY_TIMEOUT, arguments.toArray(String[]::new));
    }

    /** Runs an asadmin command against this domain's admin port and returns what it printed. */
    String adminOutput(String... command) {
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(portBase + 48)));
        arguments.addAll(List.of(command));
        return asadmin(DEPLOY_TIMEOUT, arguments.toArray(String[]::new));
    }

    /**
     * Kills the server as {@code kill -9} would: SIGKILL to its java process (the pid it wrote to
     * config/pid) and to anything it started, with no shutdown of any kind. Returns the pid it killed.
     */
    long kill() {
        ProcessHandle process = serverProcess()
                .filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException("The domain's server is not running"));
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process);
        tree.addAll(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
        return process.pid();
    }

    /** Starts the domain again, e.g. after {@link #kill()}; the applications deployed to it start with it. */
    void restart() {
        asadmin(START_TIMEOUT, "start-domain", "--domaindir", domains.toString(), DOMAIN);
    }

    /** The whole server log so far. */
    String serverLogText() {
        try {
            return Files.exists(serverLog()) ? Files.readString(serverLog(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the server log and of the asadmin output, for failure messages. */
    String logTail() {
        return "Last lines of " + serverLog() + ":\n" + tail(serverLog()) + "\nLast lines of " + asadminLog + ":\n"
                + tail(asadminLog);
    }

    /** Stops and deletes the domain, keeping a copy of its log; kills the server if it does not stop. */
    @Override
    public void close() {
        if (!created) {
            return;
        }
        try {
            asadmin(STOP_TIMEOUT, "stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (RuntimeException e) {
            System.err.println("stop-domain failed, killing the server: " + e.getMessage());
        }
        killServer();
        try {
            if (Files.exists(serverLog())) {
                Files.copy(serverLog(), serverLogCopy, StandardCopyOption.REPLACE_EXISTING);
            }
            asadmin(STOP_TIMEOUT, "delete-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not delete the domain in " + domains + ": " + e.getMessage());
        } finally {
            created = false;
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs anyway.
            }
        }
    }

    private Path domainDirectory() {
        return domains.resolve(DOMAIN);
    }

    private Path serverLog() {
        return domainDirectory().resolve("logs/server.log");
    }

    private void killServer() {
        serverProcess().filter(ProcessHandle::isAlive).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** The server writes its process id to config/pid while it runs. */
    private Optional<ProcessHandle> serverProcess() {
        Path pidFile = domainDirectory().resolve("config/pid");
        try {
            if (Files.isRegularFile(pidFile)) {
                return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("Cannot read " + pidFile + ": " + e);
        }
        return Optional.empty();
    }

    /**
     * asadmin is run as {@code java -jar appserver-cli.jar} with this JVM's Java, which the server then
     * runs on too, and without the shell script (whose execute bit an unpacked zip may lose). Its output
     * goes to a file, never a pipe: the server it starts would hold a pipe open and hang the reader.
     */
    private String asadmin(Duration timeout, String... command) {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                home.resolve("glassfish/lib/client/appserver-cli.jar").toString(),
                "--interactive=false"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(asadminLog.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("INVOICING_"));
        try {
            Files.writeString(
                    asadminLog,
                    "\n$ asadmin " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            long started = System.nanoTime();
            long before = Files.size(asadminLog);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(
                        "asadmin " + command[0] + " did not finish within " + timeout + ". " + logTail());
            }
            String output;
            try (java.io.InputStream in = Files.newInputStream(asadminLog)) {
                in.skipNBytes(before);
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Files.writeString(
                    asadminLog,
                    "(" + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + ". " + logTail());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run asadmin " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during asadmin " + command[0], e);
        }
    }

    private static String tail(Path file) {
        if (!Files.exists(file)) {
            return "(none)";
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read it: " + e + ")";
        }
    }

    /** A port base whose every derived port is free now, picked at random so that parallel builds rarely collide. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("No free port base found for Payara Server");
    }

    private static boolean allFree(int base) {
        for (int offset : PORT_OFFSETS) {
            try (ServerSocket socket = new ServerSocket(base + offset, 1, InetAddress.getByName("0.0.0.0"))) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static Path requiredDirectory(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isDirectory(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " must name an existing directory (it is "
                    + value + "); run the integration tests with Maven: mvn verify");
        }
        return Path.of(value).toAbsolutePath();
    }
}
