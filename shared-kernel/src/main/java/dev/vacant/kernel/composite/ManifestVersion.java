package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonValue;

/** The declared schema of a child manifest; a manifest verifies only under its own version. */
public enum ManifestVersion {
    /** The 7 fields, without axes; {@code schema_version} is stored but not signed. */
    V1("v1"),
    /** The v1 fields, the two further axes and {@code schema_version: "v2"}, all signed. */
    V2("v2");

    private final String label;

    ManifestVersion(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
