package org.billing.invoicing.einvoice;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A small DOM builder for the two writers: elements named {@code prefix:local} in the namespaces the
 * document declares, text only where there is a value, written as indented UTF-8.
 */
final class Xml {

    private final Document document;
    private final Map<String, String> namespaces;

    Xml(String rootName, Map<String, String> namespaces) {
        this.namespaces = namespaces;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK has no DOM implementation", e);
        }
        Element root = document.createElementNS(namespace(rootName), rootName);
        namespaces.forEach((prefix, uri) -> root.setAttributeNS(
                XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri));
        document.appendChild(root);
    }

    Element root() {
        return document.getDocumentElement();
    }

    /** A new empty child element. */
    Element add(Element parent, String name) {
        Element element = document.createElementNS(namespace(name), name);
        parent.appendChild(element);
        return element;
    }

    /** A child element holding the text; nothing when the text is null. */
    Element add(Element parent, String name, String text) {
        if (text == null) {
            return null;
        }
        Element element = add(parent, name);
        element.setTextContent(text);
        return element;
    }

    /** A child element holding the text with one attribute; nothing when the text is null. */
    Element add(Element parent, String name, String text, String attribute, String value) {
        Element element = add(parent, name, text);
        if (element != null && value != null) {
            element.setAttribute(attribute, value);
        }
        return element;
    }

    byte[] bytes() {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("The e-invoice could not be written: " + e.getMessage(), e);
        }
    }

    private String namespace(String name) {
        int colon = name.indexOf(':');
        String uri = namespaces.get(colon < 0 ? "" : name.substring(0, colon));
        if (uri == null) {
            throw new IllegalArgumentException("No namespace declared for " + name);
        }
        return uri;
    }

    /** An amount as EN 16931 writes it: two decimals (BR-DEC), a dot, no exponent. */
    static String amount(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A quantity, rate or price: as many decimals as it has, no trailing zeros, no exponent. */
    static String decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
