package dev.vacant.infra.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Connections that record the SQL of every statement run on them, connection by connection, in the order the
 * connections were opened: for tests that check which statements audit replay issues, and where.
 */
final class StatementLog {

    /** The methods of {@link Connection} and {@link Statement} whose first argument is the SQL to run. */
    private static final Set<String> TAKING_SQL = Set.of("prepareStatement", "prepareCall", "execute", "executeQuery",
            "executeUpdate", "executeLargeUpdate", "addBatch");

    private final List<List<String>> connections = Collections.synchronizedList(new ArrayList<>());
    private volatile String slowFragment;
    private volatile long slowMillis;

    /**
     * Makes every statement containing {@code fragment} wait {@code millis} before it runs: for tests that need
     * statements to overlap in time (one connection must not finish them all before another starts).
     */
    StatementLog slowing(String fragment, long millis) {
        slowFragment = fragment;
        slowMillis = millis;
        return this;
    }

    /** {@code source}, its connections recording their statements here. */
    ConnectionSource recording(ConnectionSource source) {
        return () -> {
            List<String> statements = Collections.synchronizedList(new ArrayList<>());
            connections.add(statements);
            return recording(source.open(), Connection.class, statements);
        };
    }

    /** The statements run so far, one list per connection, in the order the connections were opened. */
    List<List<String>> byConnection() {
        synchronized (connections) {
            return connections.stream().map(statements -> {
                synchronized (statements) {
                    return List.copyOf(statements);
                }
            }).toList();
        }
    }

    private <T> T recording(T target, Class<T> type, List<String> statements) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (TAKING_SQL.contains(method.getName()) && args != null && args[0] instanceof String sql) {
                statements.add(sql);
                String slow = slowFragment;
                if (slow != null && sql.contains(slow)) {
                    Thread.sleep(slowMillis);
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return result instanceof Statement statement && method.getName().equals("createStatement")
                    ? recording(statement, Statement.class, statements) : result;
        }));
    }
}
