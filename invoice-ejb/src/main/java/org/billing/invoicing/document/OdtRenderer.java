package org.billing.invoicing.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.odftoolkit.odfdom.pkg.OdfPackage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Fills an .odt template: each table named after a table placeholder gets its row of column
 * placeholders repeated once per data row, then every scalar placeholder of the body, headers and
 * footers is replaced. Plain Java: no container, no database.
 *
 * <p>ODF Toolkit's {@code OdfPackage} reads and writes the package (manifest, entries, the stored
 * {@code mimetype} first); content.xml and styles.xml are edited as plain DOM documents of the JDK's
 * parser, and written back by {@link XmlWriter}. odfdom's typed DOM ({@code OdfDocument.getContentDom()})
 * builds each cloned element through reflection: it took 5 s to fill nine tables of 1,000 rows.
 */
public final class OdtRenderer {

    private static final String XML = "text/xml";

    /** The filled document, as .odt bytes. The template is not changed. */
    public byte[] render(byte[] template, DocumentData data) {
        Map<String, String> scalars = new java.util.HashMap<>(PlaceholderValues.scalars(data));
        scalars.putAll(PlaceholderValues.legalScalars(data));
        try (OdfPackage odt = OdfPackage.loadPackage(new ByteArrayInputStream(template))) {
            Document content = TemplateInspector.parse(odt.getBytes("content.xml"));
            for (Element table : OdfText.tables(content)) {
                String name = OdfText.tableName(table);
                Placeholders.columnsOf(name).ifPresent(columns -> fill(table, columns, data.rows(name)));
            }
            OdfText.replace(content, scalars);
            odt.insert(XmlWriter.write(content), "content.xml", XML);
            byte[] stylesXml = odt.getBytes("styles.xml");
            if (stylesXml != null) {
                // Headers and footers of the page styles live in styles.xml.
                Document styles = TemplateInspector.parse(stylesXml);
                OdfText.replace(styles, scalars);
                odt.insert(XmlWriter.write(styles), "styles.xml", XML);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(template.length * 2);
            odt.save(out);
            return out.toByteArray();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DocumentException("The template could not be filled: " + e.getMessage(), e);
        }
    }

    /**
     * Repeats the table's row of column placeholders (the first row, outside the header rows, that
     * holds one) once per data row: each copy is a deep clone, so it keeps the row's and cells'
     * styles. No data row leaves the table with its header only.
     */
    static void fill(Element table, List<String> columns, List<?> rows) {
        Element templateRow = null;
        for (Element row : OdfText.rows(table)) {
            if (!OdfText.isHeaderRow(row) && OdfText.find(row).stream().anyMatch(f -> columns.contains(f.name()))) {
                templateRow = row;
                break;
            }
        }
        if (templateRow == null) {
            return;
        }
        templateRow.removeAttributeNS(OdfText.TABLE_NS, "number-rows-repeated");
        Node parent = templateRow.getParentNode();
        for (Object line : rows) {
            Map<String, String> values = PlaceholderValues.row(line);
            Element copy = (Element) templateRow.cloneNode(true);
            OdfText.replace(copy, column -> columns.contains(column) ? values.get(column) : null);
            parent.insertBefore(copy, templateRow);
        }
        parent.removeChild(templateRow);
    }
}
