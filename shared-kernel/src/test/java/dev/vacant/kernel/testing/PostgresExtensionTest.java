package dev.vacant.kernel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

@RealPostgres
class PostgresExtensionTest {

    @Test
    void injectedDatabase_answersQueries_whenResolved(PostgresDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             ResultSet result = connection.createStatement().executeQuery("show server_version_num")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isGreaterThanOrEqualTo(150000);
        }
    }

    @Test
    void springDatasourceProperties_pointAtTheDatabase_whileTheClassRuns(PostgresDatabase database) {
        assertThat(System.getProperty("spring.datasource.url")).isEqualTo(database.jdbcUrl());
        assertThat(System.getProperty("spring.datasource.username")).isEqualTo(database.user());
        assertThat(System.getProperty("spring.datasource.password")).isEqualTo(database.password());
    }
}
