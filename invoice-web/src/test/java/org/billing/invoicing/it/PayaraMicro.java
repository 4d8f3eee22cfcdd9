package org.billing.invoicing.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged WAR running on Payara Micro in a child process, as a client sees it.
 *
 * <p>The WAR and the Payara Micro jar come from the system properties {@code invoicing.war} and
 * {@code payara.micro.jar}, which the Failsafe configuration sets. The server's output goes to
 * {@code payara-micro-<port>.log} next to the WAR, its temporary files to {@code payara-micro-<port>-tmp/}.
 */
public final class PayaraMicro implements AutoCloseable {

    // -Dpayara.micro.startup-seconds=600 for a machine busy with other builds (benchmarks).
    private static final Duration STARTUP_TIMEOUT =
            Duration.ofSeconds(Long.getLong("payara.micro.startup-seconds", 300));
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 100;
    private static final Pattern READY_MARKER = Pattern.compile("Payara Micro .* ready in ");

    private final Process process;
    private final Path log;
    private final URI baseUri;

    private PayaraMicro(Process process, Path log, URI baseUri) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
    }

    /**
     * Starts the WAR with the given environment and waits until {@code readinessPath} (relative to
     * {@link #baseUri()}, e.g. {@code api/v1/accounts}) answers with anything but 404.
     *
     * @param extraOptions further Payara Micro options, e.g. {@code --addlibs} or {@code --postbootcommandfile}
     */
    public static PayaraMicro start(Map<String, String> environment, String readinessPath, String... extraOptions) {
        return start(packagedWar(), environment, readinessPath, extraOptions);
    }

    /**
     * The words of a system property that gives the server options on the command line (e.g. a benchmark's
     * {@code -Dbench.server.jvm="-XX:+UseParallelGC -Xmx1g"}); none when it is not set.
     */
    public static List<String> options(String property) {
        String words = System.getProperty(property, "").trim();
        return words.isEmpty() ? List.of() : List.of(words.split("\\s+"));
    }

    /** The WAR the build packaged (system property {@code invoicing.war}). */
    public static Path packagedWar() {
        return requiredFile("invoicing.war");
    }

    /** Starts another WAR, e.g. the packaged one with test probes added. */
    public static PayaraMicro start(
            Path war, Map<String, String> environment, String readinessPath, String... extraOptions) {
        return start(war, List.of(), environment, readinessPath, extraOptions);
    }

    /**
     * Starts the packaged WAR in a JVM given {@code jvmOptions} (e.g. {@code -Xmx512m}) before {@code -jar};
     * the other starts give none, so the JVM takes its defaults.
     */
    public static PayaraMicro start(
            List<String> jvmOptions, Map<String, String> environment, String readinessPath, String... extraOptions) {
        return start(packagedWar(), jvmOptions, environment, readinessPath, extraOptions);
    }

    /** Starts a WAR in a JVM given {@code jvmOptions} before {@code -jar}. */
    public static PayaraMicro start(
            Path war,
            List<String> jvmOptions,
            Map<String, String> environment,
            String readinessPath,
            String... extraOptions) {
        Path payaraMicro = requiredFile("payara.micro.jar");
        int port = freePort();
        Path log = war.resolveSibling("payara-micro-" + port + ".log");
        // Payara Micro unpacks its runtime into the temporary directory and leaves some of it behind.
        Path tmp = createDirectories(war.resolveSibling("payara-micro-" + port + "-tmp"));

        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                payaraMicro.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "invoicing",
                "--port",
                Integer.toString(port),
                "--nocluster",
                "--disablephonehome"));
        command.addAll(List.of(extraOptions));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only the test decides the application's settings, not the shell that runs Maven.
        builder.environment().keySet().removeIf(name -> name.startsWith("INVOICING_"));
        // The test users (one per role) unless the test configures its own.
        builder.environment().putAll(Users.environment());
        builder.environment().putAll(environment);

        PayaraMicro server;
        try {
            server = new PayaraMicro(builder.start(), log, URI.create("http://localhost:" + port + "/invoicing/"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
        try {
            server.awaitReady(server.baseUri.resolve(readinessPath));
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Starts the packaged WAR with the given environment, expecting its deployment to fail: waits until
     * Payara Micro is up with {@code readinessPath} answering 404, stops it and answers its whole log.
     */
    public static String failedDeployment(Map<String, String> environment, String readinessPath) {
        try (PayaraMicro server = start(environment, readinessPath)) {
            throw new AssertionError(
                    "The deployment did not fail: " + server.baseUri().resolve(readinessPath) + " answers");
        } catch (FailedDeployment failed) {
            return failed.log;
        }
    }

    /** Payara Micro started, but the application was not deployed; {@code log} is the server's whole log. */
    private static final class FailedDeployment extends IllegalStateException {
        private final transient String log;

        FailedDeployment(String message, String log) {
            super(message);
            this.log = log;
        }
    }

    /** The CPU time the server's JVM has used so far (user and system), as the operating system counts it. */
    public Duration cpuTime() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("The system does not tell the CPU time of a process"));
    }

    /**
     * Of that, what its JIT compiler threads used ("C1 CompilerThread", "C2 CompilerThread"), read from Linux's
     * {@code /proc}; empty elsewhere.
     */
    public Optional<Duration> compilerCpuTime() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        // After the name in parentheses: state is the first field, utime the 12th, stime the 13th.
                        String stat = Files.readString(thread.resolve("stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException e) {
                    // The thread ended (compiler threads come and go): its time is no longer counted anywhere.
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        // Linux counts in clock ticks of 1/100 s (USER_HZ) on every architecture Java runs on here.
        return Optional.of(Duration.ofMillis(ticks * 10));
    }

    /** {@code http://localhost:<port>/invoicing/}, with the trailing slash, so relative paths resolve under it. */
    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return log;
    }

    private void awaitReady(URI readiness) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(readiness)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with code " + process.exitValue() + " before "
                        + readiness + " answered. Last lines of " + log + ":\n" + logTail());
            }
            // Payara Micro logs "ready" after its deployments, so a 404 after that is a failed deployment.
            boolean booted = logContains(READY_MARKER);
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 404) {
                    return;
                }
                if (booted) {
                    throw new FailedDeployment(
                            "Payara Micro is up but " + readiness
                                    + " answers 404: the deployment failed. Last lines of " + log + ":\n" + logTail(),
                            wholeLog());
                }
            } catch (ConnectException e) {
                // Not listening yet.
            } catch (IOException e) {
                // The listener is up but the request failed (e.g. reset during deployment): try again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + readiness, e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Payara Micro did not answer " + readiness + " within " + STARTUP_TIMEOUT
                + ". Last lines of " + log + ":\n" + logTail());
    }

    private boolean logContains(Pattern pattern) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> pattern.matcher(line).find());
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private String wholeLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }

    /** Stops the server gracefully (so it removes its temporary runtime directory), forcibly after a grace period. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /**
     * Kills the server at once, as {@code kill -9} would (SIGKILL to the java process, then to anything
     * it started): no shutdown hook, no transaction finished, nothing cleaned up. Waits until they are
     * gone. {@link #close()} afterwards is harmless.
     */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        tree.addAll(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Process " + handle.pid() + " did not die of SIGKILL", e);
            }
        }
    }

    private static Path requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " must name an existing file (it is "
                    + value + "); run the integration tests with Maven: mvn verify");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
