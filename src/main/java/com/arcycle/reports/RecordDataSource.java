package com.arcycle.reports;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

/**
 * A report data source over a list of records: a field named like a record component reads that
 * component; the field {@code _THIS} is the record itself. (Jasper's bean data source wants
 * {@code getX()} getters, which records do not have.)
 */
public final class RecordDataSource implements JRRewindableDataSource {

    private final List<? extends Record> rows;
    private final Map<String, Method> accessors = new HashMap<>();
    private Iterator<? extends Record> iterator;
    private Record current;

    public RecordDataSource(List<? extends Record> rows) {
        this.rows = rows;
        this.iterator = rows.iterator();
    }

    @Override
    public boolean next() {
        if (!iterator.hasNext()) {
            current = null;
            return false;
        }
        current = iterator.next();
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        String name = field.getName();
        if ("_THIS".equals(name)) {
            return current;
        }
        Method accessor = accessors.computeIfAbsent(name, this::accessor);
        try {
            return accessor.invoke(current);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JRException("cannot read field " + name + " of " + current.getClass().getSimpleName(), e);
        }
    }

    private Method accessor(String name) {
        for (RecordComponent component : current.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getAccessor();
            }
        }
        throw new IllegalArgumentException("no component " + name + " in " + current.getClass().getSimpleName());
    }

    @Override
    public void moveFirst() {
        iterator = rows.iterator();
        current = null;
    }
}
