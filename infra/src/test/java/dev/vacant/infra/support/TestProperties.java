package dev.vacant.infra.support;

/** Fixed settings of the application under test. */
public final class TestProperties {

    /** A fixed test key-encryption key (base64 of 32 bytes); never a production key. */
    public static final String KEK = "dGVzdC1rZWstdGVzdC1rZWstdGVzdC1rZWstdGVzdCE=";

    private TestProperties() {
    }
}
