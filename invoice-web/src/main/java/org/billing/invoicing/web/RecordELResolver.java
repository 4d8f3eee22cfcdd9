package org.billing.invoicing.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;

/**
 * Lets pages read record components as properties ({@code #{invoice.amount}} for {@code invoice.amount()}).
 * The services answer with records, and Jakarta EL 5 of Jakarta EE 10 only knows JavaBeans getters
 * (EL 6 adds its own record resolver). Read-only, like the records.
 */
public class RecordELResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        RecordComponent component = component(base, property);
        if (component == null) {
            return null;
        }
        try {
            Object value = component.getAccessor().invoke(base);
            context.setPropertyResolved(base, property);
            return value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ELException(
                    "Cannot read " + property + " of " + base.getClass().getName(), e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        RecordComponent component = component(base, property);
        if (component == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only, as the spec asks a resolver to answer for a property it cannot set
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (component(base, property) != null) {
            throw new PropertyNotWritableException(property + " of a record cannot be set");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (component(base, property) == null) {
            return false;
        }
        context.setPropertyResolved(base, property);
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof Record ? String.class : null;
    }

    private static RecordComponent component(Object base, Object property) {
        if (!(base instanceof Record) || !(property instanceof String name)) {
            return null;
        }
        return Arrays.stream(base.getClass().getRecordComponents())
                .filter(component -> component.getName().equals(name))
                .findFirst()
                .orElse(null);
    }
}
