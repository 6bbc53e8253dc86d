package dev.vacant.infra.support;

/** Fixed settings of the application under test. */
public final class TestProperties {

    /** A fixed test key-encryption key (base64 of 32 bytes); never a production key. */
    public static final String KEK = "dGVzdC1rZWstdGVzdC1rZWstdGVzdC1rZWstdGVzdCE=";

    /** The private seed (hex) of the test witness; never a production key. */
    public static final String WITNESS_SEED = "0c1cb8848b0fab12e18e4ddde8be7431d867ab762faf7bc2bd02e22d384a54d5";
    /** The test witness's cosigner key (type 0x04), as the node is configured to accept it. */
    public static final String WITNESS_KEY = "witness.test/w1+cf2712bb+BJsZZBEkDSWzo4FylHql7ASLy/BLxBV+1URifcU9m/nR";

    private TestProperties() {
    }
}
