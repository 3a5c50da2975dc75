package io.kana.aptos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Aptos adapter depends on kana-core only, never on the other adapters or the wiring. */
@AnalyzeClasses(packages = "io.kana.aptos", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule staysOffOtherAdapters = noClasses().that().resideInAPackage("io.kana.aptos..")
            .should().dependOnClassesThat().resideInAnyPackage("io.kana.http..", "io.kana.sandbox..", "io.kana.client..");

    /**
     * The pure half (BCS, type tags, transactions, ABI encoding, keys and signing) computes bytes only: it
     * never reaches the node half (node client, submission) nor any HTTP or JSON library.
     */
    @ArchTest
    static final ArchRule thePureHalfKnowsNoNodeNorWire = noClasses().that().resideInAnyPackage(
                    "io.kana.aptos.bcs..", "io.kana.aptos.types..", "io.kana.aptos.tx..", "io.kana.aptos.abi..",
                    "io.kana.aptos.keys..")
            .should().dependOnClassesThat().resideInAnyPackage("io.kana.aptos.node..", "io.kana.aptos.submit..",
                    "okhttp3..", "retrofit2..", "com.squareup.moshi..", "okio..", "org.json..", "kotlin..");

    @ArchTest
    static final ArchRule lowerLayersDoNotReachUp = noClasses().that().resideInAnyPackage("io.kana.aptos.bcs..",
                    "io.kana.aptos.types..", "io.kana.aptos.tx..", "io.kana.aptos.keys..")
            .should().dependOnClassesThat().resideInAPackage("io.kana.aptos.abi..");
}
