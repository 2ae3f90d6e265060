package org.unionplatform.testsupport.architecture.samples.broken;

import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.testsupport.TcpProxy;

/** Injects into a field and reaches into a test-only module from "main" code. */
class FieldInjected {

    @Autowired
    private BrokenRepository repository;

    private TcpProxy proxy;
}
