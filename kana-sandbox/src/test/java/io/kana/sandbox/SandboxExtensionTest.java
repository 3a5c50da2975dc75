package io.kana.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.FakePerpsModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxExtensionTest {

    static boolean answers(KanaSandbox sandbox) {
        try {
            new NodeHttp(sandbox.nodeUrl()).sendOrThrow(HttpRequest.newBuilder(URI.create(sandbox.nodeUrl())).GET());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerTest {
        @RegisterExtension
        final SandboxExtension extension = SandboxExtension.perTest(b -> b.chainId(9).module(FakePerpsModule::new));

        static KanaSandbox first;

        @Test
        @Order(1)
        void injectsARunningConfiguredSandbox(KanaSandbox sandbox) {
            assertThat(answers(sandbox)).isTrue();
            assertThat(sandbox.chainId()).isEqualTo(9);
            first = sandbox;
        }

        @Test
        @Order(2)
        void closesItAfterTheTestAndGivesTheNextTestAFreshOne(KanaSandbox sandbox) {
            assertThat(first).isNotNull().isNotSameAs(sandbox);
            assertThat(answers(first)).isFalse();
            assertThat(answers(sandbox)).isTrue();
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClass {
        @RegisterExtension
        static final SandboxExtension EXTENSION = SandboxExtension.perClass(b -> b.module(FakePerpsModule::new));

        static KanaSandbox first;

        @Test
        @Order(1)
        void injects(KanaSandbox sandbox) {
            first = sandbox;
            assertThat(answers(sandbox)).isTrue();
        }

        @Test
        @Order(2)
        void sharesOneSandboxAcrossTheClass(KanaSandbox sandbox) {
            assertThat(sandbox).isSameAs(first);
        }
    }
}
