package org.billing.invoicing.document;

/** A template's file as uploaded ("View source", seed 003), with the id and SHA1 documents record. */
public record TemplateSource(long id, String name, String filename, String sha1, byte[] content) {}
