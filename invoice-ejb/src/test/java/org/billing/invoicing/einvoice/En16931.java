package org.billing.invoicing.einvoice;

import java.util.ArrayList;
import java.util.List;

import com.helger.commons.io.resource.inmemory.ReadableResourceByteArray;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;

/**
 * The official EN 16931 validation (CEN/TC 434's XML schemas and Schematron rules, 1.3.12, as shipped by
 * phive-rules-en16931): what an accountant's validator says about a file. Warnings are allowed, errors
 * are not.
 */
public final class En16931 {

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = registry();

    private En16931() {}

    private static ValidationExecutorSetRegistry<IValidationSourceXML> registry() {
        ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
        EN16931Validation.initEN16931(registry);
        return registry;
    }

    /** The errors (and fatal errors) of the document, each with its rule and location; empty when valid. */
    public static List<String> errors(byte[] xml, Syntax syntax, DocumentType type) {
        DVRCoordinate rules = switch (syntax) {
            case CII -> EN16931Validation.VID_CII_1312;
            case UBL ->
                type.isCreditNote()
                        ? EN16931Validation.VID_UBL_CREDIT_NOTE_1312
                        : EN16931Validation.VID_UBL_INVOICE_1312;
        };
        IValidationExecutorSet<IValidationSourceXML> executors = REGISTRY.getOfID(rules);
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(),
                executors,
                ValidationSourceXML.create(new ReadableResourceByteArray("einvoice.xml", xml)));
        List<String> errors = new ArrayList<>();
        results.forEachFlattened(error -> {
            if (error.isError()) {
                errors.add(error.getErrorID() + " " + error.getErrorText(java.util.Locale.ROOT) + " at "
                        + error.getErrorFieldName());
            }
        });
        return errors;
    }
}
