package org.billing.invoicing.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.junit.jupiter.api.Test;

/** Bad uploads, each refused with its code before anything reads them further. */
class TemplateInspectorTest {

    private final TemplateInspector inspector = new TemplateInspector(TemplateLimits.defaults());

    private ErrorCode refusal(byte[] file) {
        TemplateCheck check = inspector.check(file);
        assertTrue(!check.valid(), "accepted");
        return check.problems().get(0).code();
    }

    @Test
    void notAZip() {
        assertEquals(ErrorCode.TEMPLATE_NOT_ODF, refusal("Dear customer, ...".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.TEMPLATE_NOT_ODF, refusal(new byte[0]));
    }

    @Test
    void aZipThatIsNotAnOdfText() {
        assertEquals(ErrorCode.TEMPLATE_NOT_ODF, refusal(DocumentFixtures.zip(Map.of("readme.txt", new byte[] {1, 2
        }))));
        byte[] spreadsheet = DocumentFixtures.withEntry(
                DocumentFixtures.demoTemplate(),
                "mimetype",
                "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ErrorCode.TEMPLATE_NOT_ODF, refusal(spreadsheet));
    }

    @Test
    void aZipBomb() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", TemplateInspector.ODT_MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", new byte[200 * 1024 * 1024]); // 200 MiB of zeros deflate to about 200 KiB
        byte[] bomb = DocumentFixtures.zip(entries);
        assertTrue(bomb.length < 1024 * 1024, "a small file: " + bomb.length);
        TemplateCheck check = inspector.check(bomb);
        assertEquals(ErrorCode.TEMPLATE_UNSAFE, check.problems().get(0).code());
        assertTrue(check.problems().get(0).message().contains("inflates"));
    }

    @Test
    void tooManyEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", TemplateInspector.ODT_MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 1_001; i++) {
            entries.put("Pictures/" + i + ".png", new byte[1]);
        }
        assertEquals(ErrorCode.TEMPLATE_UNSAFE, refusal(DocumentFixtures.zip(entries)));
    }

    @Test
    void externalEntitiesInContent() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">&x;"
                + "</office:document-content>";
        byte[] file = DocumentFixtures.withEntry(
                DocumentFixtures.demoTemplate(), "content.xml", xxe.getBytes(StandardCharsets.UTF_8));
        TemplateCheck check = inspector.check(file);
        assertEquals(ErrorCode.TEMPLATE_UNSAFE, check.problems().get(0).code());
        assertTrue(check.problems().get(0).message().contains("content.xml"));
    }

    @Test
    void aFileOverTheSizeLimit() {
        byte[] fifty = new byte[50 * 1024 * 1024];
        assertEquals(ErrorCode.TEMPLATE_TOO_LARGE, refusal(fifty));
    }

    @Test
    void anUploadIsRefusedBySizeAloneWithTheSameWords() {
        TemplateLimits limits = new TemplateLimits(1_000, 10_000, 10);
        limits.requireFileSize(1_000);
        InvoicingException refused = assertThrows(InvoicingException.class, () -> limits.requireFileSize(1_001));
        assertEquals(ErrorCode.TEMPLATE_TOO_LARGE, refused.code());
        assertEquals("file", refused.field());
        assertEquals("The file has 1001 bytes; at most 1000 are accepted.", refused.getMessage());
        assertEquals(
                refused.getMessage(),
                new TemplateInspector(limits)
                        .check(new byte[1_001])
                        .problems()
                        .get(0)
                        .message());
    }

    @Test
    void unknownPlaceholdersAreNamedWithWhereTheyStand() {
        String content = DocumentFixtures.entry(DocumentFixtures.demoTemplate(), "content.xml")
                .replace("Total due: [I_TOTAL<", "Total due: [I_TOTL] [I_TOTAL<")
                .replace("[SERVICE]", "[SERVICE_NAME]")
                .replace("Services: spent", "Services [AMOUNT]: spent");
        byte[] file = DocumentFixtures.withEntry(
                DocumentFixtures.demoTemplate(), "content.xml", content.getBytes(StandardCharsets.UTF_8));
        TemplateCheck check = inspector.check(file);

        assertEquals(3, check.problems().size(), check.problems().toString());
        assertTrue(check.problems().stream().allMatch(p -> p.code() == ErrorCode.TEMPLATE_UNKNOWN_PLACEHOLDER));
        TemplateProblem total = check.problems().stream()
                .filter(p -> p.placeholder().equals("[I_TOTL]"))
                .findFirst()
                .orElseThrow();
        assertTrue(total.where().contains("Total due: [I_TOTL]"), total.where());
        TemplateProblem service = check.problems().stream()
                .filter(p -> p.placeholder().equals("[SERVICE_NAME]"))
                .findFirst()
                .orElseThrow();
        assertTrue(service.where().startsWith("table INV_SRV_DATA_TABLE, row 2"), service.where());
        TemplateProblem column = check.problems().stream()
                .filter(p -> p.placeholder().equals("[AMOUNT]"))
                .findFirst()
                .orElseThrow();
        assertTrue(column.message().contains("column placeholder"), column.message());
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.billing.invoicing.common.InvoicingException.class, check::requireValid);
        assertTrue(refused.getMessage().contains("[I_TOTL]")
                && refused.getMessage().contains("[SERVICE_NAME]"));
    }

    private static byte[] withContent(String from, String to) {
        String content = DocumentFixtures.entry(DocumentFixtures.demoTemplate(), "content.xml");
        assertTrue(content.contains(from), from);
        return DocumentFixtures.withEntry(
                DocumentFixtures.demoTemplate(),
                "content.xml",
                content.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    private TemplateProblem unsafe(byte[] file) {
        TemplateCheck check = inspector.check(file);
        assertTrue(!check.valid(), "accepted");
        assertEquals(
                ErrorCode.TEMPLATE_UNSAFE,
                check.problems().get(0).code(),
                check.problems().toString());
        return check.problems().get(0);
    }

    @Test
    void macrosAreRefused() {
        byte[] basic = DocumentFixtures.withEntry(
                DocumentFixtures.demoTemplate(),
                "Basic/Standard/Module1.xml",
                ("<?xml version=\"1.0\"?><script:module xmlns:script=\"http://openoffice.org/2000/script\""
                                + " script:name=\"Module1\" script:language=\"StarBasic\">Sub Main\nShell(\"sh\")\nEnd Sub"
                                + "</script:module>")
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(
                unsafe(basic).message().contains("Basic/Standard/Module1.xml"),
                unsafe(basic).message());

        byte[] script = DocumentFixtures.withEntry(
                DocumentFixtures.demoTemplate(),
                "Scripts/python/evil.py",
                "import os\nos.system('id')\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(unsafe(script).message().contains("macros"), unsafe(script).message());
    }

    @Test
    void eventListenersAreRefused() {
        byte[] onLoad = withContent(
                "<office:scripts/>",
                "<office:scripts><office:event-listeners>"
                        + "<script:event-listener script:language=\"ooo:script\" script:event-name=\"dom:load\""
                        + " xlink:type=\"simple\" xlink:href=\"vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document\"/>"
                        + "</office:event-listeners></office:scripts>");

        TemplateProblem problem = unsafe(onLoad);

        assertTrue(problem.message().contains("event listener"), problem.message());
    }

    @Test
    void linksOutOfThePackageAreRefused() {
        for (String link : new String[] {
            "file:///etc/passwd",
            "http://169.254.169.254/latest/meta-data/",
            "../secret.png",
            "/etc/hostname",
            "vnd.sun.star.script:Standard.Module1.Main?language=Basic"
        }) {
            byte[] image = withContent(
                    "</office:text>",
                    "<text:p><draw:frame draw:name=\"x\"><draw:image"
                            + " xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" xlink:href=\""
                            + link.replace("&", "&amp;") + "\"/></draw:frame></text:p></office:text>");

            TemplateProblem problem = unsafe(image);

            assertTrue(problem.message().contains(link), problem.message());
        }
        byte[] section = withContent(
                "</office:text>",
                "<text:section text:name=\"s\"><text:section-source"
                        + " xlink:type=\"simple\" xlink:href=\"https://attacker.example/part.odt\"/></text:section></office:text>");
        assertTrue(unsafe(section).message().contains("https://attacker.example/part.odt"));
    }

    @Test
    void picturesInThePackageAndClickableWebLinksAreAccepted() {
        byte[] file = withContent(
                "</office:text>",
                "<text:p><draw:frame draw:name=\"logo\"><draw:image"
                        + " xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" xlink:href=\"Pictures/logo.png\"/>"
                        + "</draw:frame><text:a xlink:type=\"simple\" xlink:href=\"https://carrier.example/pay\">Pay online</text:a>"
                        + "<text:a xlink:type=\"simple\" xlink:href=\"#Totals\">Totals</text:a></text:p></office:text>");

        TemplateCheck check = inspector.check(file);

        assertTrue(check.valid(), check.problems().toString());
    }

    /**
     * A package whose central directory says content.xml is one thing while its local headers say another:
     * a reader walking the local headers (as this inspector once did) checks a harmless document while the
     * renderer and LibreOffice, which read the central directory, render the other one.
     */
    @Test
    void aPackageWhoseCentralDirectoryAndLocalHeadersDisagreeIsRefused() {
        String evil = DocumentFixtures.entry(DocumentFixtures.demoTemplate(), "content.xml")
                .replace("Total due: [I_TOTAL<", "Total due: [SMUGGLED] [I_TOTAL<");
        byte[] zip = DocumentFixtures.withEntry(
                DocumentFixtures.demoTemplate(), "zz-hidden.xml", evil.getBytes(StandardCharsets.UTF_8));
        assertTrue(inspector.check(zip).valid(), "the two entries alone are harmless");
        byte[] smuggled = pointCentralDirectory(zip, "content.xml", "zz-hidden.xml");
        // What the renderer reads: the ODF Toolkit's reader, over the central directory.
        assertTrue(new String(centralDirectoryEntry(smuggled, "content.xml"), StandardCharsets.UTF_8)
                .contains("[SMUGGLED]"));

        TemplateProblem problem = unsafe(smuggled);

        assertTrue(
                problem.message().contains("content.xml") && problem.message().contains("central directory"),
                problem.message());
    }

    /** The central directory record of {@code shown} made to point at the data of {@code hidden}. */
    private static byte[] pointCentralDirectory(byte[] zip, String shown, String hidden) {
        byte[] patched = zip.clone();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(patched).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int end = patched.length - 22;
        while (buffer.getInt(end) != 0x06054b50) {
            end--;
        }
        int record = buffer.getInt(end + 16);
        Map<String, Integer> records = new LinkedHashMap<>();
        while (buffer.getInt(record) == 0x02014b50) {
            int nameLength = Short.toUnsignedInt(buffer.getShort(record + 28));
            String name = new String(patched, record + 46, nameLength, StandardCharsets.UTF_8);
            records.put(name, record);
            record += 46
                    + nameLength
                    + Short.toUnsignedInt(buffer.getShort(record + 30))
                    + Short.toUnsignedInt(buffer.getShort(record + 32));
        }
        int to = records.get(shown);
        int from = records.get(hidden);
        // flags, method, time, date, CRC, sizes; and the offset of the local header
        System.arraycopy(patched, from + 8, patched, to + 8, 20);
        System.arraycopy(patched, from + 42, patched, to + 42, 4);
        return patched;
    }

    private static byte[] centralDirectoryEntry(byte[] zip, String name) {
        try (org.apache.commons.compress.archivers.zip.ZipFile file =
                        org.apache.commons.compress.archivers.zip.ZipFile.builder()
                                .setSeekableByteChannel(
                                        new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(zip))
                                .get();
                java.io.InputStream in = file.getInputStream(file.getEntry(name))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
