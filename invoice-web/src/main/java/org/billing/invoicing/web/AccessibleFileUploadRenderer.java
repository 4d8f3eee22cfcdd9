package org.billing.invoicing.web;

import java.io.IOException;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;

import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * PrimeFaces' file upload, whose plain (not skinned) file input is the control itself but is rendered
 * {@code aria-hidden="true"}: a screen reader would skip a field the keyboard reaches (WCAG 4.1.2,
 * axe-core's {@code aria-hidden-focus}). This renders it without that attribute, everything else as
 * PrimeFaces does; registered for the file upload in {@code faces-config.xml}.
 */
public class AccessibleFileUploadRenderer extends FileUploadRenderer {

    @Override
    protected void encodeSimpleInputField(
            FacesContext context, FileUpload fileUpload, String clientId, String style, String styleClass)
            throws IOException {
        if (fileUpload.isSkinSimple()) {
            super.encodeSimpleInputField(context, fileUpload, clientId, style, styleClass);
            return;
        }
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(new ResponseWriterWrapper(writer) {
            @Override
            public void writeAttribute(String name, Object value, String property) throws IOException {
                if (!"aria-hidden".equals(name)) {
                    super.writeAttribute(name, value, property);
                }
            }
        });
        try {
            super.encodeSimpleInputField(context, fileUpload, clientId, style, styleClass);
        } finally {
            context.setResponseWriter(writer);
        }
    }
}
