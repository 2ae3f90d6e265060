package org.unionplatform.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.core.env.EnumerablePropertySource;

/** Properties whose values are computed on first read, so unused infrastructure is never started. */
final class LazyPropertySource extends EnumerablePropertySource<Map<String, Supplier<Object>>> {

    private final Map<String, Object> resolved = new ConcurrentHashMap<>();

    LazyPropertySource(String name, Map<String, Supplier<Object>> suppliers) {
        super(name, Map.copyOf(suppliers));
    }

    @Override
    public String[] getPropertyNames() {
        return getSource().keySet().toArray(String[]::new);
    }

    @Override
    public Object getProperty(String name) {
        Supplier<Object> supplier = getSource().get(name);
        return supplier == null ? null : resolved.computeIfAbsent(name, key -> supplier.get());
    }

    @Override
    public boolean containsProperty(String name) {
        return getSource().containsKey(name);
    }
}
