package org.unionplatform.infrastructure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How {@link OrderedH2UniqueIndex} keeps the keys of a unique index in an H2 map: compared by value, as MongoDB
 * compares them, and written with Java serialization only when a page is stored.
 * <p>
 * H2's generic type compares a class it does not know by serializing both sides, and mongo-java-server's
 * {@link KeyValue} is such a class: each lookup in a unique index of 100,000 documents serialized about 34 keys,
 * a third of the embedded store's time during a bulk enrolment. Only equality matters to a unique index (its
 * lookups are {@code =} and {@code $in}), so any consistent total order does; values of a type the comparator
 * refuses fall back to their class name and serialized bytes, which is consistent too.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareValues(Object a, Object b) {
        try {
            return ValueComparator.asc().compare(a, b);
        } catch (RuntimeException notComparable) {
            String aClass = a == null ? "" : a.getClass().getName();
            String bClass = b == null ? "" : b.getClass().getName();
            int byClass = aClass.compareTo(bClass);
            return byClass != 0 ? byClass : Arrays.compare(serialize(a), serialize(b));
        }
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String text ? 40 + 2 * text.length() : 32;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        byte[] bytes = serialize(key);
        buffer.putVarInt(bytes.length).put(bytes);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (KeyValue) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable index key", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Unreadable index key", e);
        }
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    private static byte[] serialize(Object value) {
        var bytes = new ByteArrayOutputStream(64);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Index key not serializable", e);
        }
        return bytes.toByteArray();
    }
}
