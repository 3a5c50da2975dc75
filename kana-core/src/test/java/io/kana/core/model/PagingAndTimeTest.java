package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** PageRequest and TimeRange validation. */
class PagingAndTimeTest {

    @Test
    void theDefaultPageLeavesEverythingToTheServer() {
        assertThat(PageRequest.DEFAULT.offset()).isNull();
        assertThat(PageRequest.DEFAULT.limit()).isNull();
        assertThat(PageRequest.DEFAULT.order()).isNull();
    }

    @Test
    void aPageStartsAtZeroAndHoldsAtLeastOneRow() {
        assertThat(PageRequest.of(0, 1, SortOrder.DESC)).isEqualTo(new PageRequest(0, 1, SortOrder.DESC));
        assertThat(new PageRequest(null, 50, null).limit()).isEqualTo(50);
        assertThatThrownBy(() -> PageRequest.of(-1, 10, SortOrder.ASC)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("offset is 0 or more, got -1")
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("offset");
        assertThatThrownBy(() -> PageRequest.of(0, 0, SortOrder.ASC)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("limit is 1 or more, got 0");
    }

    @Test
    void aTimeRangeEndsNoEarlierThanItStarts() {
        Instant from = Instant.parse("2024-11-21T00:00:00Z");
        Instant to = Instant.parse("2024-11-22T00:00:00Z");

        assertThat(TimeRange.between(from, to)).isEqualTo(new TimeRange(from, to));
        assertThat(TimeRange.between(from, from).to()).isEqualTo(from);
        assertThatThrownBy(() -> TimeRange.between(to, from)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("the end 2024-11-21T00:00:00Z is before the start 2024-11-22T00:00:00Z");
        assertThatThrownBy(() -> TimeRange.between(null, to)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TimeRange.between(from, null)).isInstanceOf(NullPointerException.class);
    }
}
