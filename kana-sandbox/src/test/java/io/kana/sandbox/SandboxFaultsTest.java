package io.kana.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxFaultsTest {

    @Test
    void streamFaultsDropOrDuplicateTheNextMessageAndCountWhatTheyDid() {
        SandboxFaults faults = new SandboxFaults(3);
        assertThat(faults.streamCopies()).isEqualTo(1);

        faults.dropStreamMessages(1);
        assertThat(faults.streamCopies()).isZero();
        faults.dropStreamMessages(0).duplicateStreamMessages(1);
        assertThat(faults.streamCopies()).isEqualTo(2);

        assertThat(faults.droppedStreamMessageCount()).isEqualTo(1);
        assertThat(faults.duplicatedStreamMessageCount()).isEqualTo(1);
        faults.reset();
        assertThat(faults.streamCopies()).isEqualTo(1);
    }
}
