package io.kana.aptos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PureHalfRuleTest {

    @Test
    void thePureHalfRuleCatchesAJsonLibrary() {
        // The ABI tests read the signing vectors with Moshi: with them imported the rule must fail.
        JavaClasses withTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.kana.aptos.abi");

        assertThatThrownBy(() -> ArchitectureTest.thePureHalfKnowsNoNodeNorWire.check(withTests))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.squareup.moshi");
    }
}
