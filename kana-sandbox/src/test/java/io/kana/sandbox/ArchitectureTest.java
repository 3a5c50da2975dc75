package io.kana.sandbox;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's parts, from the outside in: the API wires the surfaces ({@code http}, {@code stream}), which
 * render the exchange ({@code wire}, {@code exchange}), which runs on the chain ({@code chain}). Nothing points
 * outwards, and the sandbox stands apart from the SDK it is used to test.
 */
class ArchitectureTest {

    private static final JavaClasses SANDBOX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.kana.sandbox");

    @Test
    void eachPartSeesOnlyThePartsInsideIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("API").definedBy("io.kana.sandbox")
                .layer("HTTP").definedBy("io.kana.sandbox.http..")
                .layer("Stream").definedBy("io.kana.sandbox.stream..")
                .layer("Wire").definedBy("io.kana.sandbox.wire..")
                .layer("Exchange").definedBy("io.kana.sandbox.exchange..")
                .layer("Chain").definedBy("io.kana.sandbox.chain..")
                .whereLayer("API").mayNotBeAccessedByAnyLayer()
                .whereLayer("HTTP").mayOnlyBeAccessedByLayers("API")
                .whereLayer("Stream").mayOnlyBeAccessedByLayers("API")
                .whereLayer("Wire").mayOnlyBeAccessedByLayers("HTTP", "Stream")
                .whereLayer("Exchange").mayOnlyBeAccessedByLayers("API", "HTTP", "Stream", "Wire")
                .whereLayer("Chain").mayOnlyBeAccessedByLayers("API", "HTTP", "Exchange")
                .check(SANDBOX);
    }

    @Test
    void thePartsFormNoCycle() {
        slices().matching("io.kana.sandbox.(*)..").should().beFreeOfCycles().check(SANDBOX);
    }

    @Test
    void theModelsServeNoNetworkThemselves() {
        noClasses().that().resideInAnyPackage("io.kana.sandbox.exchange..", "io.kana.sandbox.chain..",
                        "io.kana.sandbox.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..", "org.eclipse.jetty..",
                        "java.net.http..")
                .check(SANDBOX);
    }

    @Test
    void theSandboxImportsNoProjectModule() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.kana..")
                        .and(resideOutsideOfPackage("io.kana.sandbox..")))
                .check(SANDBOX);
    }
}
