package dev.vacant.infra.audit;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to the audited database: {@code DriverManager} offline, the app's pool in a job. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
