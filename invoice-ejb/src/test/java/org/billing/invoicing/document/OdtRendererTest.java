package org.billing.invoicing.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.billing.invoicing.invoice.DetailTable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Filling the demo template, which uses every placeholder and every table placeholder. */
class OdtRendererTest {

    private final OdtRenderer renderer = new OdtRenderer();

    @Test
    void theDemoTemplateUsesEveryPlaceholderAndEveryTable() {
        TemplateCheck check = new TemplateInspector(TemplateLimits.defaults()).check(DocumentFixtures.demoTemplate());
        assertTrue(check.valid(), check.problems().toString());
        assertTrue(check.placeholders().containsAll(Placeholders.SCALARS));
        assertTrue(check.placeholders().containsAll(Placeholders.ALIASES.keySet()));
        assertTrue(check.placeholders().containsAll(Placeholders.DESTINATION_COLUMNS));
        assertTrue(check.placeholders().containsAll(Placeholders.SERVICE_COLUMNS));
        assertEquals(9, check.tables().size());
    }

    /** Issue 12: the demo template prints the seller, the buyer's VAT ID, the legal totals and both tax tables. */
    @Test
    void theDemoTemplateUsesEveryLegalPlaceholderAndBothTaxTables() {
        TemplateCheck check = new TemplateInspector(TemplateLimits.defaults()).check(DocumentFixtures.demoTemplate());
        assertTrue(
                check.placeholders().containsAll(Placeholders.LEGAL_SCALARS),
                check.placeholders().toString());
        assertTrue(check.placeholders().containsAll(Placeholders.TAX_COLUMNS));
        assertTrue(check.placeholders().containsAll(Placeholders.TAX_LINE_COLUMNS));
        assertEquals(java.util.Set.of("INV_TAX_TABLE", "INV_TAX_LINES_TABLE"), check.legalTables());
    }

    @Test
    void theDemoSellerTheLetterheadPrintsIsAValidSellerProfile() {
        assertEquals("DE123456789", DemoTemplate.SELLER.validated().vatId());
    }

    @Test
    void theTaxTablesGetOneRowPerLineAndVatGroup() throws Exception {
        byte[] odt = renderer.render(DocumentFixtures.demoTemplate(), DocumentFixtures.legalData());
        Document after = TemplateInspector.parse(DocumentFixtures.entries(odt).get("content.xml"));
        List<Element> lines = bodyRows(table(after, "INV_TAX_LINES_TABLE"));
        assertEquals(4, lines.size());
        assertTrue(
                lines.get(3).getTextContent().contains("Service: Refund"),
                lines.get(3).getTextContent());
        assertTrue(lines.get(3).getTextContent().contains("-0.13"), lines.get(3).getTextContent());
        List<Element> groups = bodyRows(table(after, "INV_TAX_TABLE"));
        assertEquals(1, groups.size());
        assertTrue(
                groups.get(0).getTextContent().contains("10.93"), groups.get(0).getTextContent());
        String text = after.getDocumentElement().getTextContent();
        assertTrue(text.contains("Northwind Carrier Services GmbH"), "the seller");
        assertTrue(text.contains("VAT ID: DE987654321 (DE)"), "the buyer's VAT ID");
        assertTrue(text.contains("Amount due: 13.01 EUR, by 2026-04-15"), "the amount due");
        Matcher left = Placeholders.PLACEHOLDER.matcher(DocumentFixtures.entry(odt, "content.xml"));
        assertFalse(left.find(), () -> "left: " + left.group());
    }

    @Test
    void noPlaceholderIsLeftAndEachTableHasOneRowPerDataRowWithTheTemplateRowsCellStyles() throws Exception {
        byte[] template = DocumentFixtures.demoTemplate();
        byte[] odt = renderer.render(template, DocumentFixtures.data());

        for (String part : List.of("content.xml", "styles.xml")) {
            Matcher left = Placeholders.PLACEHOLDER.matcher(DocumentFixtures.entry(odt, part));
            assertFalse(left.find(), () -> "left in " + part + ": " + left.group());
        }
        Document before =
                TemplateInspector.parse(DocumentFixtures.entries(template).get("content.xml"));
        Document after = TemplateInspector.parse(DocumentFixtures.entries(odt).get("content.xml"));
        for (DetailTable table : DetailTable.values()) {
            int rows = DocumentFixtures.data().rows(table).size();
            List<Element> filled = bodyRows(table(after, table.name()));
            assertEquals(rows, filled.size(), table.name());
            List<String> templateStyles =
                    cellStyles(bodyRows(table(before, table.name())).get(0));
            for (Element row : filled) {
                assertEquals(templateStyles, cellStyles(row), table.name());
            }
        }
        Element destinations = table(after, "INV_ORIG_DST_TABLE");
        String second = bodyRows(destinations).get(1).getTextContent();
        assertTrue(second.contains("49151") && second.contains("60:00") && second.contains("3.90"), second);
    }

    @Test
    void valuesAreTextAndSplitPlaceholdersAreReplaced() {
        byte[] odt = renderer.render(DocumentFixtures.demoTemplate(), DocumentFixtures.data());
        String content = DocumentFixtures.entry(odt, "content.xml");
        // Markup characters are escaped as text, never parsed.
        assertTrue(
                content.contains("&lt;b&gt;&amp;\"x\" Telecom")
                        || content.contains("&lt;b&gt;&amp;&quot;x&quot; Telecom"),
                content.substring(0, 200));
        // The template writes [I_TOTAL<span>_D</span>]: split across two spans, still replaced.
        assertTrue(content.contains("Total due: 10.57"), "split placeholder replaced");
        // A line feed in the address is an ODF line break.
        assertTrue(content.contains("Hauptstr. 1<text:line-break/>10115 Berlin"));
        String styles = DocumentFixtures.entry(odt, "styles.xml");
        assertTrue(styles.contains("Invoice INV-2026-000001"), "footer filled");
        assertTrue(styles.contains("text:page-number"), "page numbers kept");
    }

    @Test
    void aPlaceholderSplitAcrossThreeSpansWithTwoInOneRun() throws Exception {
        String paragraph = "<text:p xmlns:text=\"" + OdfText.TEXT_NS + "\">Due [I_<text:span>TO</text:span>"
                + "<text:span>TAL_D]</text:span> by [A_NAME][I_REF] [UNKNOWN]</text:p>";
        Document dom = TemplateInspector.parse(paragraph.getBytes(StandardCharsets.UTF_8));
        OdfText.replace(dom, java.util.Map.of("I_TOTAL_D", "10.57", "A_NAME", "Acme", "I_REF", "R-1"));
        assertEquals("Due 10.57 by AcmeR-1 [UNKNOWN]", dom.getDocumentElement().getTextContent());
    }

    /**
     * A thousand rows in every table, each filled whole and in order. How fast is the documents
     * benchmark's to measure ({@code mvn -Pbench-documents}), not a test's: a time limit here only
     * measured how busy the machine was.
     */
    @Test
    void aThousandRowTableIsFilledWhole() throws Exception {
        byte[] odt = renderer.render(DocumentFixtures.demoTemplate(), DocumentFixtures.withRows(1_000));

        Document after = TemplateInspector.parse(DocumentFixtures.entries(odt).get("content.xml"));
        List<Element> rows = bodyRows(table(after, DetailTable.INV_ORIG_DST_TABLE.name()));
        assertEquals(1_000, rows.size());
        assertTrue(rows.get(0).getTextContent().contains("4930000"), rows.get(0).getTextContent());
        assertTrue(
                rows.get(999).getTextContent().contains("4930999"),
                rows.get(999).getTextContent());
    }

    static Element table(Document document, String name) {
        NodeList tables = document.getElementsByTagNameNS(OdfText.TABLE_NS, "table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (name.equals(OdfText.tableName(table))) {
                return table;
            }
        }
        throw new AssertionError("No table " + name);
    }

    static List<Element> bodyRows(Element table) {
        return OdfText.rows(table).stream()
                .filter(row -> !OdfText.isHeaderRow(row))
                .toList();
    }

    static List<String> cellStyles(Element row) {
        List<String> styles = new ArrayList<>();
        NodeList cells = row.getElementsByTagNameNS(OdfText.TABLE_NS, "table-cell");
        for (int i = 0; i < cells.getLength(); i++) {
            styles.add(((Element) cells.item(i)).getAttributeNS(OdfText.TABLE_NS, "style-name"));
        }
        return styles;
    }
}
