package io.kana.cli.account;

import io.kana.cli.UsageException;
import io.kana.core.model.PageRequest;
import io.kana.core.model.SortOrder;
import picocli.CommandLine.Option;

/** Paging of the history listings. */
final class PageOptions {

    @Option(names = "--limit", paramLabel = "N", description = "at most N rows (default: the API's page)")
    private Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "skip N rows")
    private Integer offset;

    PageRequest request() {
        if (limit == null && offset == null) {
            return PageRequest.DEFAULT;
        }
        if (limit != null && limit < 1 || offset != null && offset < 0) {
            throw new UsageException("--limit is at least 1 and --offset at least 0");
        }
        return new PageRequest(offset, limit, SortOrder.DESC);
    }
}
