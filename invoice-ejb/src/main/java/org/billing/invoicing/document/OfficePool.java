package org.billing.invoicing.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.billing.invoicing.database.Settings;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.document.DocumentFamily;
import org.jodconverter.core.document.DocumentFormat;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.office.ExistingProcessAction;
import org.jodconverter.local.office.LocalOfficeManager;

/**
 * A pool of LibreOffice processes that converts .odt to PDF through JODConverter. Started on first
 * use (or by its owner at deploy), stopped by its owner. JODConverter watches each process: one that
 * crashes, or hangs past the task timeout, is killed and started again, and the task fails; the
 * caller records the failure and tries later. Each process runs on a private profile with macro
 * execution disabled, and documents are loaded with macros never executed. Plain Java, so that tests
 * and the benchmark use the very pool the application uses.
 */
public final class OfficePool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OfficePool.class.getName());

    /**
     * @param officeHome {@code invoicing.office.home}, default {@code /usr/lib/libreoffice}
     * @param processes {@code invoicing.office.processes}, default 1
     * @param taskTimeout {@code invoicing.office.task-timeout} in seconds, default 60
     * @param maxTasksPerProcess {@code invoicing.office.max-tasks-per-process}: a process is restarted
     *        after this many conversions, which bounds its memory; default 200
     */
    public record Config(Path officeHome, int processes, Duration taskTimeout, int maxTasksPerProcess) {

        public static Config fromSettings() {
            return new Config(
                    Path.of(Settings.value("invoicing.office.home").orElse("/usr/lib/libreoffice")),
                    Settings.value("invoicing.office.processes")
                            .map(Integer::parseInt)
                            .orElse(1),
                    Duration.ofSeconds(Settings.value("invoicing.office.task-timeout")
                            .map(Long::parseLong)
                            .orElse(60L)),
                    Settings.value("invoicing.office.max-tasks-per-process")
                            .map(Integer::parseInt)
                            .orElse(200));
        }
    }

    /** {@code com.sun.star.document.MacroExecMode.NEVER_EXECUTE}. */
    private static final short NEVER_EXECUTE = 0;

    private static final String SCRIPTING = "/org.openoffice.Office.Common/Security/Scripting";
    private static final String PROFILE_SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="%1$s"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
            <item oor:path="%1$s"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
            <item oor:path="%1$s"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
            </oor:items>
            """.formatted(SCRIPTING);

    /** LibreOffice's PDF export with the filter option "Archive (PDF/A, ISO 19005)" at version 3. */
    private static final DocumentFormat PDF_A3 = DocumentFormat.builder()
            .from(DefaultDocumentFormatRegistry.PDF)
            .storeProperty(DocumentFamily.TEXT, "FilterData", Map.of("SelectPdfVersion", 3))
            .unmodifiable(true)
            .build();

    private final Config config;
    private Path profiles;
    private LocalOfficeManager manager;
    private LocalConverter converter;
    private Thread shutdownHook;

    public OfficePool(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** Whether LibreOffice is installed where the configuration says. */
    public boolean installed() {
        return Files.isExecutable(config.officeHome().resolve("program").resolve("soffice.bin"))
                || Files.isExecutable(config.officeHome().resolve("program").resolve("soffice"));
    }

    public synchronized boolean running() {
        return manager != null && manager.isRunning();
    }

    /** Starts the office processes unless they run already. */
    public synchronized void start() {
        if (running()) {
            return;
        }
        if (!installed()) {
            throw new DocumentException("PDF documents need LibreOffice, which is not installed at "
                    + config.officeHome() + " (set invoicing.office.home, or install libreoffice-writer-nogui).");
        }
        Path template = profileTemplate();
        LocalOfficeManager starting = LocalOfficeManager.builder()
                .officeHome(config.officeHome().toFile())
                // Each process gets its own profile, copied from the template, in our private directory.
                .workingDir(profiles.toFile())
                .templateProfileDir(template.toFile())
                .portNumbers(freePorts(config.processes()))
                .taskExecutionTimeout(config.taskTimeout().toMillis())
                .taskQueueTimeout(config.taskTimeout().multipliedBy(2).toMillis())
                .processTimeout(30_000L)
                .maxTasksPerProcess(config.maxTasksPerProcess())
                .existingProcessAction(ExistingProcessAction.KILL)
                .build();
        try {
            starting.start();
        } catch (OfficeException e) {
            throw new DocumentException(
                    "LibreOffice could not be started from " + config.officeHome() + ": " + e.getMessage(), e);
        }
        manager = starting;
        // Besides JODConverter's defaults (hidden, read-only, links not updated): never run a document's macros.
        converter = LocalConverter.builder()
                .officeManager(manager)
                .loadProperty("MacroExecutionMode", NEVER_EXECUTE)
                .build();
        if (shutdownHook == null) {
            // A server stopped without undeploying (a signal) must not leave office processes behind.
            shutdownHook = new Thread(
                    () -> {
                        stop();
                        officeProcesses().forEach(ProcessHandle::destroyForcibly);
                    },
                    "office-pool-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        LOG.info(() -> "LibreOffice pool started: " + config.processes() + " process(es) from " + config.officeHome());
    }

    /**
     * The directory the office profiles live in: made on first start, readable by this user only, so
     * that no other account of the host can read the documents LibreOffice caches or change its settings.
     */
    public synchronized Path profiles() {
        if (profiles == null) {
            try {
                profiles = Files.createTempDirectory(
                        "invoicing-office-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new DocumentException("No private directory for the LibreOffice profiles: " + e.getMessage(), e);
            }
        }
        return profiles;
    }

    /** The profile every process starts from: macro execution disabled, the highest macro security. */
    private Path profileTemplate() {
        Path template = profiles().resolve("template");
        try {
            Files.createDirectories(template.resolve("user"));
            Files.writeString(
                    template.resolve("user").resolve("registrymodifications.xcu"),
                    PROFILE_SETTINGS,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DocumentException("The LibreOffice profile could not be written: " + e.getMessage(), e);
        }
        return template;
    }

    /** The PDF of an .odt document; starts the pool on first use. */
    public byte[] toPdf(byte[] odt) {
        return convert(odt, DefaultDocumentFormatRegistry.PDF);
    }

    /**
     * The PDF/A-3b of an .odt document: fonts embedded, colours and metadata as ISO 19005-3 wants. Part 3
     * is the PDF/A that may carry any attached file (PDF/A-2 only other PDF/As): Factur-X embeds the
     * e-invoice's XML in it.
     */
    public byte[] toPdfA(byte[] odt) {
        return convert(odt, PDF_A3);
    }

    private byte[] convert(byte[] odt, DocumentFormat format) {
        LocalConverter current;
        synchronized (this) {
            start();
            current = converter;
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(Math.max(odt.length, 32_768));
        try {
            current.convert(new ByteArrayInputStream(odt))
                    .as(DefaultDocumentFormatRegistry.ODT)
                    .to(pdf)
                    .as(format)
                    .execute();
        } catch (OfficeException e) {
            throw new DocumentException("LibreOffice failed to make the PDF: " + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }

    /** The office processes this JVM runs (for operators and the crash test). */
    public static List<ProcessHandle> officeProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.contains("soffice")).orElse(false))
                .toList();
    }

    public synchronized void stop() {
        if (manager != null) {
            try {
                manager.stop();
            } catch (OfficeException e) {
                LOG.warning(() -> "LibreOffice pool did not stop cleanly: " + e.getMessage());
            }
            manager = null;
            converter = null;
        }
        if (profiles != null) {
            // JODConverter removes each process's profile; the template and the directory are ours.
            try (var files = Files.walk(profiles)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                LOG.warning(
                        () -> "The LibreOffice profiles in " + profiles + " were not all removed: " + e.getMessage());
            }
            profiles = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports[i] = socket.getLocalPort();
            } catch (IOException e) {
                throw new DocumentException("No free port for a LibreOffice process", e);
            }
        }
        return ports;
    }
}
