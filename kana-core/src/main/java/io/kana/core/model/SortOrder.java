package io.kana.core.model;

/** Sort order of history endpoints; on the wire {@code order=asc|desc}. */
public enum SortOrder {
    ASC,
    DESC;

    public String wireValue() {
        return this == ASC ? "asc" : "desc";
    }
}
