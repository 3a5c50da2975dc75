package io.kana.aptos.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NodePackageArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kana.aptos.node");

    @Test
    void onlyTheClientItsSettingsResultsAndErrorsArePublic() {
        assertThat(MAIN.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !c.isAnonymousClass())
                .map(c -> c.getName().substring("io.kana.aptos.node.".length()))
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("AptosNodeClient", "AptosNodeClient$Builder", "LedgerInfo", "AccountInfo",
                        "GasPriceEstimate", "TransactionStatus", "TransactionStatus$Phase",
                        "AptosNodeException", "AptosErrorCode", "VmStatusCode", "SubmitRefusal");
    }

    @Test
    void theNodeClientUsesOnlyTheAbiRecordsAndTheTransactionHash() {
        assertThat(MAIN.stream()
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .map(d -> d.getTargetClass().getPackageName())
                .filter(p -> p.startsWith("io.kana.aptos.") && !p.equals("io.kana.aptos.node"))
                .collect(Collectors.toSet()))
                .containsOnly("io.kana.aptos.abi", "io.kana.aptos.tx");
    }
}
