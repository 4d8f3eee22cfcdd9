package org.billing.invoicing.einvoice;

import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;

/** Reads values back out of a written e-invoice. */
final class XPaths {

    private final Document document;
    private final XPath xpath;

    private XPaths(byte[] xml, Map<String, String> namespaces) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("Not XML: " + e.getMessage(), e);
        }
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return namespaces.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        });
    }

    static XPaths ubl(byte[] xml) {
        return new XPaths(xml, Map.of("cac", UblWriter.CAC, "cbc", UblWriter.CBC));
    }

    static XPaths cii(byte[] xml) {
        return new XPaths(
                xml, Map.of("rsm", CiiWriter.RSM, "ram", CiiWriter.RAM, "udt", CiiWriter.UDT, "qdt", CiiWriter.QDT));
    }

    String rootName() {
        return document.getDocumentElement().getLocalName();
    }

    /** The text of the first node the expression selects; empty when none. */
    String text(String expression) {
        try {
            return xpath.evaluate(expression, document);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression + ": " + e.getMessage(), e);
        }
    }

    int count(String expression) {
        return Integer.parseInt(text("count(" + expression + ")"));
    }
}
