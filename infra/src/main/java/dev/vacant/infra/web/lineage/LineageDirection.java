package dev.vacant.infra.web.lineage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way a lineage query walks from the vacant, named in lower case in the API. */
public enum LineageDirection {
    ANCESTORS, DESCENDANTS, CHILDREN, PARENTS;

    /** The name the API uses. */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code depth} applies (children and parents are one step by definition). */
    boolean deep() {
        return this == ANCESTORS || this == DESCENDANTS;
    }

    /** Whether the answer is paged ({@code page}, {@code size}, {@code after}). */
    boolean paged() {
        return this == DESCENDANTS || this == CHILDREN;
    }
}
