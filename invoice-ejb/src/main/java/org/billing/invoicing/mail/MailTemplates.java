package org.billing.invoicing.mail;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's wording of an invoice email: subject, body and attachment file name, each a text with
 * {@code [PLACEHOLDER]}s of the invoice documents (seed 001), e.g. {@code Invoice [I_REF] for [A_NAME]}.
 * A placeholder it does not know is left as it is, so that a typo shows in the message instead of
 * blocking the approval.
 */
public record MailTemplates(String subject, String body, String attachmentName) {

    public static final String DEFAULT_SUBJECT =
            "[I_DOCUMENT_TYPE] [I_REF] for [A_NAME], [I_START_DATE] to [I_END_DATE]";
    public static final String DEFAULT_BODY = """
            Dear [C_NAME],

            [I_DOCUMENT_TYPE] [I_REF] has been issued for your account [A_NAME] for the period [I_START_DATE] to [I_END_DATE].
            Total: [I_TOTAL_D] [A_CURRENCY]

            This message was sent automatically; please do not reply to it.
            """;
    public static final String DEFAULT_ATTACHMENT_NAME = "[C_NAME]_[I_REF]_[I_START_DATE].pdf";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z][A-Z0-9_]*)]");
    // Letters and digits of any script, dot, dash, underscore: everything else becomes '_'.
    private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final int MAX_FILE_NAME_LENGTH = 150;
    private static final int MAX_SUBJECT_LENGTH = 500;

    public MailTemplates {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachmentName, "attachmentName");
    }

    public static MailTemplates defaults() {
        return new MailTemplates(DEFAULT_SUBJECT, DEFAULT_BODY, DEFAULT_ATTACHMENT_NAME);
    }

    /** The message about one invoice; the subject is one line (a header cannot carry a line break). */
    public RenderedMail render(InvoiceMailFacts invoice) {
        Map<String, String> values = invoice.placeholders();
        String renderedSubject =
                replace(subject, values).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        if (renderedSubject.length() > MAX_SUBJECT_LENGTH) {
            renderedSubject = renderedSubject.substring(0, MAX_SUBJECT_LENGTH);
        }
        return new RenderedMail(renderedSubject, replace(body, values), fileName(replace(attachmentName, values)));
    }

    static String replace(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        return matcher.appendTail(out).toString();
    }

    /**
     * A name every mail client and file system accepts: no path separators, no spaces or control
     * characters, not hidden, not empty, not endlessly long; the extension is kept when shortened.
     */
    static String fileName(String rendered) {
        String name = UNSAFE_IN_FILE_NAME
                .matcher(rendered.strip())
                .replaceAll("_")
                .replaceAll("_{2,}", "_")
                .replaceAll("^[._]+", "");
        if (name.length() > MAX_FILE_NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 8 ? name.substring(dot) : "";
            name = name.substring(0, MAX_FILE_NAME_LENGTH - extension.length()) + extension;
        }
        return name.isEmpty() ? "invoice" : name;
    }

    /** A message as the recipient will see it. */
    public record RenderedMail(String subject, String body, String attachmentName) {}
}
