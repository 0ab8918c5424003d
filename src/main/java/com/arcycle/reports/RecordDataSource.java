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

    /*
     * One accessor per record class and component, shared by every data source: each call of
     * getRecordComponents() hands out new Method objects, and reflection generates a class for
     * every Method invoked more than a few times, which took most of the statement step's time.
     */
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                accessors.put(component.getName(), component.getAccessor());
            }
            return Map.copyOf(accessors);
        }
    };

    private final List<? extends Record> rows;
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
        Method accessor = ACCESSORS.get(current.getClass()).get(name);
        if (accessor == null) {
            throw new JRException("no component " + name + " in " + current.getClass().getSimpleName());
        }
        try {
            return accessor.invoke(current);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JRException("cannot read field " + name + " of " + current.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void moveFirst() {
        iterator = rows.iterator();
        current = null;
    }
}
