package org.billing.invoicing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.billing.invoicing.document.DocumentData;
import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.document.OdtRenderer;
import org.billing.invoicing.document.OfficePool;
import org.billing.invoicing.invoice.DetailTable;

/**
 * The benchmark of issue "Invoice templates and documents" (not a test: it prints figures).
 *
 * <p>Filling the demo template with 1,000-row tables (target: at most 200 ms), and the PDF of a
 * document through the warm LibreOffice pool next to a fresh {@code soffice --headless --convert-to pdf}
 * per document (target: the pool at least 5 times faster).
 *
 * <p>Run: {@code mvn -B -Pbench-documents -DskipTests verify -pl invoice-web} (see the README).
 */
public final class DocumentBenchmark {

    private static final int FILL_RUNS = 20;
    private static final int PDF_DOCUMENTS = 10;

    private DocumentBenchmark() {}

    public static void main(String[] args) throws Exception {
        OdtRenderer renderer = new OdtRenderer();
        byte[] template = DocumentFixtures.demoTemplate();

        DocumentData all = DocumentFixtures.withRows(1_000);
        Map<DetailTable, List<?>> one = new EnumMap<>(DetailTable.class);
        one.put(DetailTable.INV_ORIG_DST_TABLE, all.rows(DetailTable.INV_ORIG_DST_TABLE));
        DocumentData single = new DocumentData(
                all.invoice(),
                all.accountBalance(),
                all.accountMinBalance(),
                all.accountMaxBalance(),
                all.invoicePeriod(),
                all.contractorAddress(),
                all.contractorPhones(),
                one,
                false);
        double fillOne = medianMillis(() -> renderer.render(template, single), FILL_RUNS);
        double fillNine = medianMillis(() -> renderer.render(template, all), FILL_RUNS);

        byte[] document = renderer.render(template, DocumentFixtures.data());
        OfficePool.Config config = OfficePool.Config.fromSettings();
        double pooled;
        try (OfficePool pool = new OfficePool(config)) {
            if (!pool.installed()) {
                System.out.println("LibreOffice is not installed at " + config.officeHome() + ": no PDF figures.");
                return;
            }
            pool.toPdf(document); // start and warm
            pooled = medianMillis(() -> pool.toPdf(document), PDF_DOCUMENTS);
        }
        double fresh = freshSofficeMillis(config.officeHome(), document);

        System.out.println();
        System.out.println(
                "Invoice documents benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.printf(
                Locale.ROOT,
                "fill, one table of 1,000 rows (median of %d): %.1f ms (target <= 200 ms)%n",
                FILL_RUNS,
                fillOne);
        System.out.printf(
                Locale.ROOT, "fill, nine tables of 1,000 rows (median of %d): %.1f ms%n", FILL_RUNS, fillNine);
        System.out.printf(
                Locale.ROOT, "PDF through the warm pool (median of %d): %.1f ms per document%n", PDF_DOCUMENTS, pooled);
        System.out.printf(
                Locale.ROOT,
                "PDF by a fresh soffice --convert-to (median of %d): %.1f ms per document%n",
                PDF_DOCUMENTS,
                fresh);
        System.out.printf(Locale.ROOT, "ratio fresh / pool: %.1fx (target >= 5x)%n", fresh / pooled);
    }

    private static double freshSofficeMillis(Path officeHome, byte[] document)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-soffice");
        Path profile = dir.resolve("profile");
        Path odt = dir.resolve("invoice.odt");
        Files.write(odt, document);
        convert(officeHome, profile, odt, dir); // the first run creates the profile: not counted
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < PDF_DOCUMENTS; i++) {
            long start = System.nanoTime();
            convert(officeHome, profile, odt, dir);
            times.add((System.nanoTime() - start) / 1e6);
        }
        return median(times);
    }

    private static void convert(Path officeHome, Path profile, Path odt, Path outDir)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        officeHome.resolve("program").resolve("soffice").toString(),
                        "-env:UserInstallation=" + profile.toUri(),
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        outDir.toString(),
                        odt.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)
                || process.exitValue() != 0
                || !Files.exists(outDir.resolve("invoice.pdf"))) {
            throw new IllegalStateException("soffice --convert-to failed");
        }
        Files.delete(outDir.resolve("invoice.pdf"));
    }

    private static double medianMillis(Runnable work, int runs) {
        work.run();
        work.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        return median(times);
    }

    private static double median(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
