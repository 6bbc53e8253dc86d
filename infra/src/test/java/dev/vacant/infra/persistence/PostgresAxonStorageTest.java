package dev.vacant.infra.persistence;

import dev.vacant.infra.PostgresApplicationTest;

class PostgresAxonStorageTest extends PostgresApplicationTest implements AxonJdbcStorageContract {
}
