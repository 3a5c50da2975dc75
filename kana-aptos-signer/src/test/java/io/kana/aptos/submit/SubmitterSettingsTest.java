package io.kana.aptos.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubmitterSettingsTest {

    @Test
    void defaultsFollowTheAptosTypeScriptSdk() {
        SubmitterSettings defaults = SubmitterSettings.defaults();

        assertThat(defaults.expirationWindow()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.maxGasAmount()).isEqualTo(200_000);
        assertThat(defaults.gasPriceRefreshInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.submitAttempts()).isEqualTo(8);
    }

    @Test
    void withersChangeOneSettingOnly() {
        SubmitterSettings changed = SubmitterSettings.defaults().withMaxGasAmount(5_000).withSubmitAttempts(2);

        assertThat(changed.maxGasAmount()).isEqualTo(5_000);
        assertThat(changed.submitAttempts()).isEqualTo(2);
        assertThat(changed.withMaxGasAmount(200_000).withSubmitAttempts(8)).isEqualTo(SubmitterSettings.defaults());
    }

    @Test
    void rejectsSettingsThatCannotWorkSayingWhich() {
        assertThatThrownBy(() -> SubmitterSettings.defaults().withMaxGasAmount(0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxGasAmount");
        assertThatThrownBy(() -> SubmitterSettings.defaults().withExpirationWindow(Duration.ofMillis(500)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("expirationWindow");
        assertThatThrownBy(() -> SubmitterSettings.defaults().withSubmitAttempts(0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("submitAttempts");
        assertThatThrownBy(() -> SubmitterSettings.defaults().withRetryBackoff(null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("retryBackoff");
        assertThatThrownBy(() -> SubmitterSettings.defaults().withMaxResigns(-1))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxResigns");
    }
}
