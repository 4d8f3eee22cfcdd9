package org.billing.invoicing.web;

import java.io.IOException;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;

import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' messages, whose list items are rendered {@code <li role="alert">}: the role takes the item out
 * of its list, which a screen reader then reads wrongly (WCAG 1.3.1, axe-core's {@code list}). This renders
 * each message as {@code <li><span role="alert" aria-atomic="true">...</span></li>}, announced as before;
 * registered for p:messages in {@code faces-config.xml}.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(
            ResponseWriter writer, Messages uiMessages, FacesMessage message, String severity, boolean escape)
            throws IOException {
        super.encodeMessage(new AlertInsideItem(writer), uiMessages, message, severity, escape);
    }

    /** Moves the alert role of a message's {@code li} to a {@code span} around its content. */
    private static final class AlertInsideItem extends ResponseWriterWrapper {

        private boolean inItemTag;

        AlertInsideItem(ResponseWriter writer) {
            super(writer);
        }

        @Override
        public void startElement(String name, UIComponent component) throws IOException {
            if ("li".equals(name)) {
                super.startElement(name, component);
                inItemTag = true;
                return;
            }
            openAlert();
            super.startElement(name, component);
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            if (inItemTag && ("role".equals(name) || "aria-atomic".equals(name))) {
                return;
            }
            super.writeAttribute(name, value, property);
        }

        @Override
        public void writeText(Object text, String property) throws IOException {
            openAlert();
            super.writeText(text, property);
        }

        @Override
        public void writeText(Object text, UIComponent component, String property) throws IOException {
            openAlert();
            super.writeText(text, component, property);
        }

        @Override
        public void endElement(String name) throws IOException {
            if ("li".equals(name)) {
                openAlert();
                super.endElement("span");
            }
            super.endElement(name);
        }

        private void openAlert() throws IOException {
            if (inItemTag) {
                inItemTag = false;
                super.startElement("span", null);
                super.writeAttribute("role", "alert", null);
                super.writeAttribute("aria-atomic", "true", null);
            }
        }
    }
}
