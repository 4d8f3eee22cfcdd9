package org.billing.invoicing.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * Finds and replaces placeholders in the text of an ODF document's DOM, paragraph by paragraph.
 *
 * <p>LibreOffice often splits what the author typed as one word across formatting spans
 * ({@code [I_<span>TOTAL</span>_D]}) after an edit, an autocorrection or a spell-check mark. So the
 * text of a paragraph is read as a whole, across its spans and links, and a placeholder found there
 * is replaced in the text nodes it covers: the value goes where the placeholder starts, in that
 * span's formatting. Fields (page numbers, dates), tabs, spaces and line breaks end a run of text: a
 * placeholder never spans them. This is ODF Toolkit's {@code TextNavigation} idea, done once per
 * paragraph instead of one document scan per match, which makes a 1,000-row table quadratic there.
 *
 * <p>Values are inserted as text nodes, never parsed: {@code <b>&"x"} prints as it is. A line feed
 * in a value (a contractor's address) becomes an ODF line break.
 */
public final class OdfText {

    public static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    public static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

    private OdfText() {}

    /** A placeholder found in a paragraph. */
    public record Found(String name, Element paragraph, String paragraphText) {}

    /** The paragraphs ({@code text:p}, {@code text:h}) under a node, the node itself included, in document order. */
    public static List<Element> paragraphs(Node root) {
        List<Element> paragraphs = new ArrayList<>();
        if (root instanceof Element element && isParagraph(element)) {
            paragraphs.add(element);
        }
        if (root instanceof Element element) {
            collect(element.getElementsByTagNameNS(TEXT_NS, "p"), paragraphs);
            collect(element.getElementsByTagNameNS(TEXT_NS, "h"), paragraphs);
        } else if (root instanceof Document document) {
            collect(document.getElementsByTagNameNS(TEXT_NS, "p"), paragraphs);
            collect(document.getElementsByTagNameNS(TEXT_NS, "h"), paragraphs);
        }
        return paragraphs;
    }

    private static void collect(NodeList nodes, List<Element> into) {
        for (int i = 0; i < nodes.getLength(); i++) {
            into.add((Element) nodes.item(i));
        }
    }

    private static boolean isParagraph(Element element) {
        return TEXT_NS.equals(element.getNamespaceURI())
                && ("p".equals(element.getLocalName()) || "h".equals(element.getLocalName()));
    }

    /** Every placeholder in the paragraphs under {@code root}. */
    public static List<Found> find(Node root) {
        List<Found> found = new ArrayList<>();
        for (Element paragraph : paragraphs(root)) {
            for (List<Text> run : runs(paragraph)) {
                String text = join(run);
                Matcher matcher = Placeholders.PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    found.add(new Found(matcher.group(1), paragraph, paragraph.getTextContent()));
                }
            }
        }
        return found;
    }

    /** Replaces the placeholders under {@code root} whose names are in {@code values}; others stay. */
    public static void replace(Node root, Map<String, String> values) {
        replace(root, values::get);
    }

    /**
     * Replaces the placeholders under {@code root} for which {@code values} gives a value (null: the
     * placeholder stays as it is).
     */
    public static void replace(Node root, Function<String, String> values) {
        for (Element paragraph : paragraphs(root)) {
            for (List<Text> run : runs(paragraph)) {
                replaceInRun(run, values);
            }
        }
    }

    private static void replaceInRun(List<Text> run, Function<String, String> values) {
        String text = join(run);
        if (text.indexOf('[') < 0) {
            return;
        }
        Matcher matcher = Placeholders.PLACEHOLDER.matcher(text);
        List<int[]> matches = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        while (matcher.find()) {
            String value = values.apply(matcher.group(1));
            if (value != null) {
                matches.add(new int[] {matcher.start(), matcher.end()});
                replacements.add(value);
            }
        }
        if (matches.isEmpty()) {
            return;
        }
        int[] starts = new int[run.size()];
        int offset = 0;
        for (int i = 0; i < run.size(); i++) {
            starts[i] = offset;
            offset += run.get(i).getData().length();
        }
        // From the last match back: a replacement changes only text after the matches before it.
        for (int m = matches.size() - 1; m >= 0; m--) {
            int start = matches.get(m)[0];
            int end = matches.get(m)[1];
            int first = nodeAt(starts, start);
            int last = nodeAt(starts, end - 1);
            Text firstNode = run.get(first);
            if (first == last) {
                insert(firstNode, start - starts[first], end - starts[first], replacements.get(m));
            } else {
                Text lastNode = run.get(last);
                lastNode.setData(lastNode.getData().substring(end - starts[last]));
                for (int i = first + 1; i < last; i++) {
                    run.get(i).setData("");
                }
                insert(firstNode, start - starts[first], firstNode.getData().length(), replacements.get(m));
            }
        }
    }

    private static int nodeAt(int[] starts, int position) {
        int index = java.util.Arrays.binarySearch(starts, position);
        if (index >= 0) {
            // Several nodes may start here (empty ones before a non-empty one): take the last.
            while (index + 1 < starts.length && starts[index + 1] == position) {
                index++;
            }
            return index;
        }
        return -index - 2;
    }

    /** Replaces {@code [from, to)} of the node's text with the value, line feeds as ODF line breaks. */
    private static void insert(Text node, int from, int to, String value) {
        String data = node.getData();
        String before = data.substring(0, from);
        String after = data.substring(to);
        if (value.indexOf('\n') < 0) {
            node.setData(before + value + after);
            return;
        }
        String[] lines = value.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        node.setData(before + lines[0]);
        Node previous = node;
        Document document = node.getOwnerDocument();
        for (int i = 1; i < lines.length; i++) {
            Element lineBreak = document.createElementNS(TEXT_NS, "text:line-break");
            Text line = document.createTextNode(i == lines.length - 1 ? lines[i] + after : lines[i]);
            insertAfter(previous, lineBreak);
            insertAfter(lineBreak, line);
            previous = line;
        }
    }

    private static void insertAfter(Node reference, Node node) {
        reference.getParentNode().insertBefore(node, reference.getNextSibling());
    }

    /** The runs of text of a paragraph: its text nodes, through spans and links, cut at anything else. */
    static List<List<Text>> runs(Element paragraph) {
        List<List<Text>> runs = new ArrayList<>();
        List<Text> current = new ArrayList<>();
        walk(paragraph, runs, current);
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static void walk(Element element, List<List<Text>> runs, List<Text> current) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text text) {
                current.add(text);
            } else if (child instanceof Element inner) {
                if (isTransparent(inner)) {
                    walk(inner, runs, current);
                } else if (!isInvisible(inner)) {
                    if (!current.isEmpty()) {
                        runs.add(new ArrayList<>(current));
                        current.clear();
                    }
                }
            }
        }
    }

    /** Elements whose text reads on as the paragraph's own: spans, links, meta and ruby bases. */
    private static boolean isTransparent(Element element) {
        if (!TEXT_NS.equals(element.getNamespaceURI())) {
            return false;
        }
        return switch (element.getLocalName()) {
            case "span", "a", "meta", "ruby", "ruby-base" -> true;
            default -> false;
        };
    }

    /** Marks that hold no text and do not separate words: bookmarks, change marks, soft page breaks. */
    private static boolean isInvisible(Element element) {
        if (!TEXT_NS.equals(element.getNamespaceURI())) {
            return false;
        }
        String name = element.getLocalName();
        return name.startsWith("bookmark")
                || name.startsWith("reference-mark")
                || name.equals("soft-page-break")
                || name.equals("change-start")
                || name.equals("change-end")
                || name.equals("change")
                || name.startsWith("alphabetical-index-mark")
                || name.startsWith("toc-mark");
    }

    private static String join(List<Text> run) {
        if (run.size() == 1) {
            return run.get(0).getData();
        }
        StringBuilder text = new StringBuilder();
        for (Text node : run) {
            text.append(node.getData());
        }
        return text.toString();
    }

    /** The tables of a document named after a table placeholder, by their {@code table:name}. */
    public static List<Element> tables(Node root) {
        List<Element> tables = new ArrayList<>();
        NodeList nodes = root instanceof Document document
                ? document.getElementsByTagNameNS(TABLE_NS, "table")
                : ((Element) root).getElementsByTagNameNS(TABLE_NS, "table");
        collect(nodes, tables);
        return tables;
    }

    public static String tableName(Element table) {
        return table.getAttributeNS(TABLE_NS, "name");
    }

    /** The rows of a table itself (not of tables nested in its cells), header rows included. */
    public static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        NodeList nodes = table.getElementsByTagNameNS(TABLE_NS, "table-row");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element row = (Element) nodes.item(i);
            if (owningTable(row) == table) {
                rows.add(row);
            }
        }
        return rows;
    }

    public static boolean isHeaderRow(Element row) {
        Node parent = row.getParentNode();
        return parent instanceof Element element
                && TABLE_NS.equals(element.getNamespaceURI())
                && "table-header-rows".equals(element.getLocalName());
    }

    /** The nearest table a node is in, or null. */
    public static Element owningTable(Node node) {
        for (Node parent = node.getParentNode(); parent != null; parent = parent.getParentNode()) {
            if (parent instanceof Element element
                    && TABLE_NS.equals(element.getNamespaceURI())
                    && "table".equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }
}
