package org.unionplatform.testsupport.mongo;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/** Keeps the order the engine chose, but moves classes annotated {@link RunLast} to the end. */
public class RunLastClassOrderer implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(
                (ClassDescriptor descriptor) -> descriptor.isAnnotated(RunLast.class)));
    }
}
