package org.billing.invoicing.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * What the platform deploys: the EAR the build packaged, read entry by entry, archives inside archives
 * included. The demo data generator ({@code invoice-demo}) is for the standalone WAR and the benchmarks.
 */
class EarContentsIT {

    private static final String DEMO_PACKAGE = "org/billing/invoicing/demo/";

    @Test
    void theEarCarriesNoDemoDataGenerator() throws IOException {
        Path ear = Path.of(System.getProperty("invoicing.ear"));
        assertTrue(Files.isRegularFile(ear), "the packaged EAR: " + ear);
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(ear)) {
            collect("", in, entries);
        }
        assertTrue(
                entries.contains("invoice-ejb.jar!/org/billing/invoicing/database/DatabaseStartup.class"),
                "the EJB jar is read: " + entries.size() + " entries");
        assertEquals(
                List.of(),
                entries.stream()
                        .filter(name -> !name.endsWith("/")) // a directory left by an earlier build holds nothing
                        .filter(name -> name.contains(DEMO_PACKAGE) || name.contains("invoice-demo"))
                        .toList());
    }

    /**
     * Factur-X runs in the EJB module, so its libraries are the EAR's (lib/); the EN 16931 validators the
     * tests use (phive's rules, veraPDF, Mustang's validator) and Mustang's visualizer (FOP, Saxon) are not.
     */
    @Test
    void theEarCarriesTheFacturXLibrariesButNoValidators() throws IOException {
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("invoicing.ear")))) {
            collect("", in, entries);
        }
        for (String library : List.of("org.mustangproject-library-", "org.apache.pdfbox-pdfbox-", "org.dom4j-dom4j-")) {
            assertTrue(
                    entries.stream().anyMatch(name -> name.startsWith("lib/" + library) && name.endsWith(".jar")),
                    library + " in lib/");
        }
        assertEquals(
                List.of(),
                entries.stream()
                        .filter(name -> name.endsWith(".jar"))
                        .filter(name -> name.matches(".*(phive|verapdf|mustangproject-validator|fop-|Saxon).*"))
                        .toList());
    }

    /** Every entry's name, those of nested jars and wars as {@code outer!/inner}. */
    private static void collect(String prefix, InputStream archive, List<String> names) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = prefix + entry.getName();
            names.add(name);
            if (name.endsWith(".jar") || name.endsWith(".war")) {
                collect(name + "!/", zip, names);
            }
        }
    }
}
