package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        assertThat(ApiCaller.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ApiCaller.retryAfter(" 0 ")).isZero();
        assertThat(ApiCaller.retryAfter(null)).isNull();
        assertThat(ApiCaller.retryAfter(" ")).isNull();
        assertThat(ApiCaller.retryAfter("later")).isNull();
        String inAnHour = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(ApiCaller.retryAfter(inAnHour)).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60));
    }
}
