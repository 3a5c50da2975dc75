package io.kana.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.kana.http", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherAdapter = noClasses()
            .that().resideInAPackage("io.kana.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.kana.aptos..", "io.kana.sandbox..", "io.kana.client..")
            .because("adapters point inward to kana-core only");

    @ArchTest
    static final ArchRule onlyTheEntryPointIsPublic = classes()
            .that().resideInAPackage("io.kana.http..").and().arePublic()
            .should().haveNameMatching("io\\.kana\\.http\\.(KanaHttpApi|KanaHttpApi\\$Builder|KanaWebSocket|KanaWebSocket\\$Builder)")
            .because("the Retrofit service, wire decoding and retries are internals");
}
