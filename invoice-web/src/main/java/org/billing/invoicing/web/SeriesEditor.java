package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.numbering.NumberingService;
import org.billing.invoicing.numbering.SeriesDefinition;
import org.billing.invoicing.numbering.SeriesView;

/**
 * numbering.xhtml: the numbering series with the number each would issue next, and the form that
 * creates a series or revises one. A refusal is shown next to the input it names.
 */
@Named
@ViewScoped
public class SeriesEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id in numbering.xhtml; its inputs carry the ids of the definition fields they fill. */
    private static final String FORM = "series";

    private static final Set<String> INPUTS = Set.of("name", "pattern", "startNumber", "padding");
    private static final String DEFAULT_PATTERN = "%num%/%year%";

    @EJB
    private NumberingService numbering;

    private List<SeriesView> series;

    private Long editedId;
    private String name;
    private String pattern;
    private Long startNumber;
    private boolean yearlyRestart;
    private Integer padding;

    public SeriesEditor() {
        startNew();
    }

    /** Every series by name, read once per view and again after a save. */
    public List<SeriesView> getSeries() {
        if (series == null) {
            series = numbering.list();
        }
        return series;
    }

    /** Empties the form for a new series. */
    public void startNew() {
        editedId = null;
        name = null;
        pattern = DEFAULT_PATTERN;
        startNumber = 1L;
        yearlyRestart = false;
        padding = 0;
    }

    /** Fills the form with a listed series, to revise it. */
    public void edit(SeriesView view) {
        editedId = view.id();
        name = view.name();
        pattern = view.pattern();
        startNumber = view.startNumber();
        yearlyRestart = view.yearlyRestart();
        padding = view.padding();
    }

    public void save() {
        if (!Access.permits(Action.MANAGE_NUMBERING, "change numbering series")) {
            return;
        }
        SeriesDefinition definition = new SeriesDefinition(name, pattern, startNumber, yearlyRestart, padding);
        SeriesView saved;
        try {
            saved = editedId == null ? numbering.create(definition) : numbering.revise(editedId, definition);
        } catch (RuntimeException e) {
            InvoicingException refusal = Refusals.refusal(e);
            Messages.error(
                    INPUTS.contains(refusal.field()) ? FORM + ":" + refusal.field() : null, refusal.getMessage());
            return;
        }
        Messages.info("Series '" + saved.name() + "' is " + (editedId == null ? "created" : "saved")
                + "; its next number is " + saved.nextNumber() + ".");
        series = null;
        startNew();
    }

    public boolean isEditing() {
        return editedId != null;
    }

    public Long getEditedId() {
        return editedId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public Long getStartNumber() {
        return startNumber;
    }

    public void setStartNumber(Long startNumber) {
        this.startNumber = startNumber;
    }

    public boolean isYearlyRestart() {
        return yearlyRestart;
    }

    public void setYearlyRestart(boolean yearlyRestart) {
        this.yearlyRestart = yearlyRestart;
    }

    public Integer getPadding() {
        return padding;
    }

    public void setPadding(Integer padding) {
        this.padding = padding;
    }
}
