package org.billing.invoicing.document;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * What checking a template found: the problems that refuse it (none: it may be stored), and the
 * placeholders and table placeholders it uses.
 *
 * @param tables the table placeholders of seed 001 it uses (the nine detail tables)
 * @param legalTables the table placeholders of issue 12 it uses (INV_TAX_TABLE, INV_TAX_LINES_TABLE)
 */
public record TemplateCheck(
        List<TemplateProblem> problems, Set<String> placeholders, Set<String> tables, Set<String> legalTables) {

    public TemplateCheck {
        problems = List.copyOf(problems);
        placeholders = Set.copyOf(placeholders);
        tables = Set.copyOf(tables);
        legalTables = Set.copyOf(legalTables);
    }

    public TemplateCheck(List<TemplateProblem> problems, Set<String> placeholders, Set<String> tables) {
        this(problems, placeholders, tables, Set.of());
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Refuses the template with the code of its first problem, naming every problem of that kind. */
    public void requireValid() {
        if (valid()) {
            return;
        }
        ErrorCode code = problems.get(0).code();
        String detail = problems.stream()
                .filter(p -> p.code() == code)
                .map(p -> p.placeholder() == null ? p.message() : p.placeholder() + " in " + p.where())
                .collect(Collectors.joining("; "));
        if (code == ErrorCode.TEMPLATE_UNKNOWN_PLACEHOLDER) {
            detail = "Unknown placeholders: " + detail + ".";
        }
        throw new InvoicingException(code, "file", detail);
    }
}
