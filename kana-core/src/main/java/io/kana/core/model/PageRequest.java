package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;

/**
 * Paging for history endpoints. Any component may be null to let the server use its default.
 *
 * @param offset rows to skip, {@code >= 0}
 * @param limit  rows to return, {@code >= 1}
 * @param order  sort order by time
 */
public record PageRequest(Integer offset, Integer limit, SortOrder order) {

    /** No paging parameters: the server's defaults. */
    public static final PageRequest DEFAULT = new PageRequest(null, null, null);

    public PageRequest {
        if (offset != null && offset < 0) {
            throw new InvalidRequestException("offset", "offset is 0 or more, got " + offset);
        }
        if (limit != null && limit < 1) {
            throw new InvalidRequestException("limit", "limit is 1 or more, got " + limit);
        }
    }

    public static PageRequest of(int offset, int limit, SortOrder order) {
        return new PageRequest(offset, limit, order);
    }
}
