package io.kana.aptos.bcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BcsReaderTest {

    @Test
    void rejectsNonCanonicalAndOversizedUleb128() {
        assertThatThrownBy(() -> reader("8000").uleb128()).isInstanceOf(BcsException.class).hasMessageContaining("non-canonical");
        assertThatThrownBy(() -> reader("ffffffff0f").uleb128()).isInstanceOf(BcsException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> reader("ffffffffff01").uleb128()).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> reader("80").uleb128()).isInstanceOf(BcsException.class).hasMessageContaining("end of input");
    }

    @Test
    void rejectsInvalidBoolsOptionsAndUtf8() {
        assertThatThrownBy(() -> reader("02").bool()).isInstanceOf(BcsException.class).hasMessageContaining("0 or 1");
        assertThatThrownBy(() -> reader("02").option(BcsReader::u8)).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> reader("02c328").string()).isInstanceOf(BcsException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void rejectsLengthsBeyondTheInputWithoutAllocating() {
        assertThatThrownBy(() -> reader("ffffffff07").bytes()).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> reader("ffffffff07").vector(BcsReader::u8)).isInstanceOf(BcsException.class)
                .hasMessageContaining("remaining");
        assertThatThrownBy(() -> reader("0100").u64()).isInstanceOf(BcsException.class).hasMessageContaining("u64");
    }

    @Test
    void finishDetectsTrailingBytes() {
        BcsReader reader = reader("0102");
        assertThat(reader.u8()).isEqualTo(1);
        assertThatThrownBy(reader::finish).isInstanceOf(BcsException.class).hasMessageContaining("1 unexpected trailing");
        reader.u8();
        reader.finish();
        assertThat(reader.remaining()).isZero();
    }

    private static BcsReader reader(String hex) {
        return new BcsReader(HexFormat.of().parseHex(hex));
    }
}
