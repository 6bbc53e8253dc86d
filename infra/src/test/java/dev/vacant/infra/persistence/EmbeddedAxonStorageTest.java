package dev.vacant.infra.persistence;

import dev.vacant.infra.EmbeddedApplicationTest;

class EmbeddedAxonStorageTest extends EmbeddedApplicationTest implements AxonJdbcStorageContract {
}
