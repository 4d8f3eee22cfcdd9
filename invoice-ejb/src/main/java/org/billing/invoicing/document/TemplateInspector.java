package org.billing.invoicing.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.billing.invoicing.common.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Checks an uploaded template before anything else reads it: a zip within the size limits (the
 * bytes actually inflated are counted, not the sizes the zip claims, so a zip bomb stops early), read
 * by its central directory with the very reader the renderer uses (the ODF Toolkit's commons-compress;
 * LibreOffice reads the central directory too) and refused when its local headers tell another story
 * (other entries, or other bytes under the same name: what one reader checks is what every reader gets), an
 * ODF text document by its {@code mimetype}, every XML part parsed with DTDs refused (no external
 * entities, no entity expansion: XXE), no macros (the {@code Basic/}, {@code Scripts/} and
 * {@code Dialogs/} parts, event listeners, macro fields), no DDE links and no {@code xlink:href} out of the
 * package (a picture, section or object LibreOffice would fetch from a URL or the server's files), and
 * every placeholder known where it stands. A clickable web link ({@code text:a} to {@code http(s):} or
 * {@code mailto:}) stays allowed: LibreOffice never follows it, it only ends up in the PDF.
 */
public final class TemplateInspector {

    public static final String ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text";
    private static final Set<String> TEXT_MEDIA_TYPES = Set.of(ODT_MEDIA_TYPE, ODT_MEDIA_TYPE + "-template");

    private static final List<String> MACRO_FOLDERS = List.of("basic/", "scripts/", "dialogs/");
    private static final Set<String> DDE_ELEMENTS =
            Set.of("dde-source", "dde-connection-decl", "dde-connection-decls", "dde-link", "dde-connection");
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:");
    private static final Pattern WEB_LINK = Pattern.compile("(?i)(https?://|mailto:)[^\\s]+");

    private final TemplateLimits limits;

    public TemplateInspector(TemplateLimits limits) {
        this.limits = limits;
    }

    public TemplateCheck check(byte[] file) {
        if (file == null || file.length == 0) {
            return refused(ErrorCode.TEMPLATE_NOT_ODF, "The file is empty.");
        }
        if (file.length > limits.maxFileBytes()) {
            return refused(ErrorCode.TEMPLATE_TOO_LARGE, limits.tooLarge(file.length));
        }
        Map<String, byte[]> entries;
        try {
            entries = centralDirectory(file);
            Map<String, byte[]> local = localHeaders(file);
            Optional<String> differs = firstDifference(entries, local);
            if (differs.isPresent()) {
                return refused(
                        ErrorCode.TEMPLATE_UNSAFE,
                        "The package's central directory and its local headers" + " disagree about "
                                + shorten(differs.get()) + ": readers would see different documents.");
            }
        } catch (Refusal refusal) {
            return refusal.check;
        }
        if (entries.isEmpty()) {
            return refused(ErrorCode.TEMPLATE_NOT_ODF, "The file is not an .odt document (not a zip package).");
        }
        String mediaType = Optional.ofNullable(entries.get("mimetype"))
                .map(bytes -> new String(bytes, StandardCharsets.US_ASCII).trim())
                .orElse(null);
        Map<String, byte[]> xmlParts = new HashMap<>();
        entries.forEach((name, content) -> {
            if (name.endsWith(".xml") || name.endsWith(".rdf")) {
                xmlParts.put(name, content);
            }
        });
        if (mediaType == null || !TEXT_MEDIA_TYPES.contains(mediaType) || !xmlParts.containsKey("content.xml")) {
            return refused(
                    ErrorCode.TEMPLATE_NOT_ODF,
                    "The file is not an ODF text document (.odt): its mimetype is "
                            + (mediaType == null ? "missing" : "'" + shorten(mediaType) + "'")
                            + (xmlParts.containsKey("content.xml") ? "" : " and it has no content.xml") + ".");
        }
        for (String name : entries.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (MACRO_FOLDERS.stream().anyMatch(lower::startsWith)) {
                return refused(
                        ErrorCode.TEMPLATE_UNSAFE,
                        "The package holds macros (" + shorten(name)
                                + "): templates with macros (Basic/, Scripts/, Dialogs/) are refused.");
            }
        }
        Map<String, Document> parsed = new TreeMap<>();
        for (Map.Entry<String, byte[]> part : xmlParts.entrySet()) {
            try {
                parsed.put(part.getKey(), parse(part.getValue()));
            } catch (SAXException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("DOCTYPE")) {
                    return refused(
                            ErrorCode.TEMPLATE_UNSAFE,
                            part.getKey()
                                    + " declares a DTD: document type declarations and external entities are refused.");
                }
                return refused(ErrorCode.TEMPLATE_NOT_ODF, part.getKey() + " is not well-formed XML.");
            } catch (IOException e) {
                return refused(ErrorCode.TEMPLATE_NOT_ODF, part.getKey() + " could not be read.");
            }
        }
        for (Map.Entry<String, Document> part : parsed.entrySet()) {
            Optional<String> unsafe =
                    activeContent(part.getKey(), part.getValue().getDocumentElement());
            if (unsafe.isPresent()) {
                return refused(ErrorCode.TEMPLATE_UNSAFE, unsafe.get());
            }
        }
        return placeholders(parsed.get("content.xml"), Optional.ofNullable(parsed.get("styles.xml")));
    }

    /**
     * The entries as the renderer (the ODF Toolkit, through commons-compress) and LibreOffice see them:
     * by the central directory at the end of the file. Bounded like every read here.
     */
    private Map<String, byte[]> centralDirectory(byte[] file) throws Refusal {
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(file))
                .get()) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            long inflated = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                inflated += add(entries, entry.getName(), zip.getInputStream(entry), inflated);
            }
            return entries;
        } catch (ZipException e) {
            throw new Refusal(
                    refused(ErrorCode.TEMPLATE_NOT_ODF, "The file is not a valid zip package: " + e.getMessage()));
        } catch (IOException e) {
            throw new Refusal(
                    refused(ErrorCode.TEMPLATE_NOT_ODF, "The file is not an .odt document (not a zip package)."));
        }
    }

    /** The entries as a reader walking the file from its start sees them, by their local headers. */
    private Map<String, byte[]> localHeaders(byte[] file) throws Refusal {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            long inflated = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                inflated += add(entries, entry.getName(), zip, inflated);
            }
            return entries;
        } catch (ZipException e) {
            throw new Refusal(
                    refused(ErrorCode.TEMPLATE_NOT_ODF, "The file is not a valid zip package: " + e.getMessage()));
        } catch (IOException e) {
            throw new Refusal(
                    refused(ErrorCode.TEMPLATE_NOT_ODF, "The file is not an .odt document (not a zip package)."));
        }
    }

    /** Reads one entry into {@code entries} within the limits; answers the bytes it inflated to. */
    private long add(Map<String, byte[]> entries, String name, InputStream in, long inflated)
            throws IOException, Refusal {
        if (entries.size() >= limits.maxEntries()) {
            throw new Refusal(refused(
                    ErrorCode.TEMPLATE_UNSAFE, "The package has more than " + limits.maxEntries() + " entries."));
        }
        if (entries.containsKey(name)) {
            throw new Refusal(refused(
                    ErrorCode.TEMPLATE_UNSAFE,
                    "The package holds " + shorten(name) + " twice: readers would see different documents."));
        }
        byte[] content = read(in, limits.maxUncompressedBytes() - inflated);
        if (content == null) {
            throw new Refusal(refused(
                    ErrorCode.TEMPLATE_UNSAFE,
                    "The package inflates to more than " + limits.maxUncompressedBytes() + " bytes."));
        }
        entries.put(name, content);
        return content.length;
    }

    /** The first entry the two views of the package do not agree on, by name or by content. */
    private static Optional<String> firstDifference(Map<String, byte[]> central, Map<String, byte[]> local) {
        for (Map.Entry<String, byte[]> entry : central.entrySet()) {
            if (!Arrays.equals(entry.getValue(), local.get(entry.getKey()))) {
                return Optional.of(entry.getKey());
            }
        }
        return local.keySet().stream()
                .filter(name -> !central.containsKey(name))
                .findFirst();
    }

    /** A refusal found while reading, carried out of the reading loops. */
    private static final class Refusal extends Exception {
        private final transient TemplateCheck check;

        Refusal(TemplateCheck check) {
            super(null, null, false, false);
            this.check = check;
        }
    }

    /** What in this element or below would make LibreOffice run code or reach out of the package, if anything. */
    private static Optional<String> activeContent(String part, Element element) {
        String name = element.getLocalName();
        if ("event-listeners".equals(name) || "event-listener".equals(name)) {
            return Optional.of(part + " has event listeners (macros run on document events): templates with"
                    + " macros are refused.");
        }
        if ("execute-macro".equals(name)) {
            return Optional.of(part + " has a macro field: templates with macros are refused.");
        }
        if (DDE_ELEMENTS.contains(name)) {
            return Optional.of(part + " has a DDE link (" + element.getTagName() + "): templates may not read"
                    + " other documents or programs.");
        }
        String link = element.getAttributeNS(XLINK, "href");
        if (!link.isEmpty()
                && !insidePackage(link)
                && !(clickable(element) && WEB_LINK.matcher(link).matches())) {
            return Optional.of(part + " links out of the package: " + element.getTagName() + " to '" + shorten(link)
                    + "'. A template may only refer to its own files (e.g. Pictures/logo.png).");
        }
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner) {
                Optional<String> found = activeContent(part, inner);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A path inside the package ({@code Pictures/logo.png}, {@code ./Object 1}) or a bookmark ({@code #Totals}). */
    private static boolean insidePackage(String link) {
        if (link.startsWith("#")) {
            return true;
        }
        if (SCHEME.matcher(link).lookingAt() || link.startsWith("/") || link.startsWith("\\")) {
            return false;
        }
        for (String segment : link.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean clickable(Element element) {
        return "a".equals(element.getLocalName())
                && (TEXT.equals(element.getNamespaceURI()) || DRAW.equals(element.getNamespaceURI()));
    }

    private static TemplateCheck placeholders(Document content, Optional<Document> styles) {
        List<TemplateProblem> problems = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        Set<String> legalTables = new LinkedHashSet<>();
        for (Element table : OdfText.tables(content)) {
            String name = OdfText.tableName(table);
            Placeholders.table(name).ifPresent(t -> tables.add(t.name()));
            Placeholders.legalTable(name).ifPresent(columns -> legalTables.add(name));
        }
        for (OdfText.Found found : OdfText.find(content)) {
            Element table = dataTable(found.paragraph());
            Optional<String> detail = table == null
                    ? Optional.empty()
                    : Optional.of(OdfText.tableName(table))
                            .filter(name -> Placeholders.columnsOf(name).isPresent());
            boolean known = Placeholders.isScalar(found.name())
                    || detail.flatMap(Placeholders::columnsOf)
                            .map(columns -> columns.contains(found.name()))
                            .orElse(false);
            if (known) {
                used.add(found.name());
            } else {
                problems.add(unknown(found, where(found, table), detail));
            }
        }
        styles.ifPresent(dom -> {
            for (OdfText.Found found : OdfText.find(dom)) {
                if (Placeholders.isScalar(found.name())) {
                    used.add(found.name());
                } else {
                    problems.add(unknown(
                            found, "a page header or footer: " + quote(found.paragraphText()), Optional.empty()));
                }
            }
        });
        return new TemplateCheck(problems, used, tables, legalTables);
    }

    private static TemplateProblem unknown(OdfText.Found found, String where, Optional<String> table) {
        String placeholder = "[" + found.name() + "]";
        String message;
        if (table.isPresent()) {
            message = placeholder + " is not a column of " + table.get() + " (" + where + ").";
        } else if (Placeholders.isColumn(found.name())) {
            message = placeholder + " is a column placeholder: it belongs in a table named after a table"
                    + " placeholder such as INV_ORIG_DST_TABLE (" + where + ").";
        } else {
            message = placeholder + " is not a placeholder of seed 001 (" + where + ").";
        }
        return new TemplateProblem(ErrorCode.TEMPLATE_UNKNOWN_PLACEHOLDER, placeholder, where, message);
    }

    /** The nearest enclosing table named after a table placeholder, else the nearest table, else null. */
    private static Element dataTable(Element paragraph) {
        Element nearest = OdfText.owningTable(paragraph);
        for (Element table = nearest; table != null; table = OdfText.owningTable(table)) {
            if (Placeholders.columnsOf(OdfText.tableName(table)).isPresent()) {
                return table;
            }
        }
        return nearest;
    }

    private static String where(OdfText.Found found, Element table) {
        if (table == null) {
            return "the text: " + quote(found.paragraphText());
        }
        int row = 0;
        List<Element> rows = OdfText.rows(table);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).compareDocumentPosition(found.paragraph())
                    == (Element.DOCUMENT_POSITION_CONTAINED_BY | Element.DOCUMENT_POSITION_FOLLOWING)) {
                row = i + 1;
            }
        }
        return "table " + OdfText.tableName(table) + (row > 0 ? ", row " + row : "") + ": "
                + quote(found.paragraphText());
    }

    private static String quote(String text) {
        return "\"" + shorten(text.strip()) + "\"";
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static TemplateCheck refused(ErrorCode code, String message) {
        return new TemplateCheck(List.of(TemplateProblem.ofFile(code, message)), Set.of(), Set.of());
    }

    /** The entry's bytes, or null when it inflates past {@code budget}. */
    private static byte[] read(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > budget) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The JDK's own parser (not one a library brings), with DTDs refused outright. */
    static Document parse(byte[] xml) throws SAXException, IOException {
        return builder().parse(new ByteArrayInputStream(xml));
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be secured", e);
        }
    }
}
