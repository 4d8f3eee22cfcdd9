package org.billing.invoicing.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The packaged WAR with test classes added to {@code WEB-INF/classes}: code that runs inside the
 * deployed module, as a sibling module's would (what Arquillian calls a micro-deployment).
 */
final class ProbeWar {

    private ProbeWar() {}

    /** Copies {@code war} to {@code probe-<name>.war} beside it, with the classes of {@code packageName} added. */
    static Path of(Path war, String packageName) {
        Path classes = Path.of("target", "test-classes").toAbsolutePath();
        Path packageDirectory = classes.resolve(packageName.replace('.', '/'));
        Path probe = war.resolveSibling("invoicing-probe.war");
        try (ZipFile original = new ZipFile(war.toFile());
                OutputStream file = Files.newOutputStream(probe);
                ZipOutputStream out = new ZipOutputStream(file);
                Stream<Path> added = Files.walk(packageDirectory)) {
            for (ZipEntry entry : original.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = original.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            List<Path> classFiles =
                    added.filter(path -> path.toString().endsWith(".class")).toList();
            for (Path classFile : classFiles) {
                out.putNextEntry(new ZipEntry("WEB-INF/classes/"
                        + classes.relativize(classFile).toString().replace('\\', '/')));
                Files.copy(classFile, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot assemble the probe WAR from " + war, e);
        }
        return probe;
    }
}
