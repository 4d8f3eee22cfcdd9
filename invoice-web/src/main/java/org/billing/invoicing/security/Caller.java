package org.billing.invoicing.security;

import java.io.Serializable;
import java.util.Set;

/** Who logged in to the screens, kept in the HTTP session until logout or expiry. */
record Caller(String name, Set<String> roles) implements Serializable {

    static final String SESSION_ATTRIBUTE = Caller.class.getName();
}
