package org.billing.invoicing.demo;

/** The target database already holds platform data and the spec did not say {@code force}; nothing was written. */
public class DemoDataRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DemoDataRefusedException(String message) {
        super(message);
    }
}
