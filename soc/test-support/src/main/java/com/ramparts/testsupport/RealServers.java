package com.ramparts.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands real servers to test methods and constructors: declare a parameter of type
 * {@link TestKafka}, {@link TestOpenSearch} or {@link TestPostgres.Schema} and extend the test
 * class with {@code @ExtendWith(RealServers.class)}. Servers are shared per JVM; a schema is
 * fresh per parameter.
 */
public final class RealServers implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestKafka.class || type == TestOpenSearch.class || type == TestPostgres.Schema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestKafka.class) {
            return TestKafka.shared();
        }
        if (type == TestOpenSearch.class) {
            return TestOpenSearch.shared();
        }
        return TestPostgres.newSchema();
    }
}
