package io.kana.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** kana-core is the inside of the hexagon: it depends on the JDK and nothing else. */
class ArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.kana.core");

    static final ArchRule JDK_ONLY = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.kana.core..");

    @Test
    void coreDependsOnlyOnTheJdk() {
        JDK_ONLY.check(CORE);
    }

    @Test
    void theJdkOnlyRuleCatchesAForeignDependency() {
        // The tests use AssertJ and JUnit: with them imported the rule must fail.
        JavaClasses withTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.kana.core");

        assertThatThrownBy(() -> JDK_ONLY.check(withTests)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.assertj");
    }

    @Test
    void coreKnowsNoAdapterLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("retrofit2..", "com.squareup..", "okhttp3..",
                "okio..", "com.google.inject..", "jakarta.inject..", "javax.inject..", "org.bouncycastle..",
                "org.slf4j..", "kotlin..", "io.kana.http..", "io.kana.aptos..", "io.kana.sandbox..", "io.kana.client..")
                .check(CORE);
    }

    @Test
    void theDomainKnowsNeitherPortsNorTheUseCase() {
        noClasses().that().resideInAnyPackage("io.kana.core.model..", "io.kana.core.error..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kana.core.port..", "io.kana.core.trading..")
                .check(CORE);
        noClasses().that().resideInAPackage("io.kana.core.port..")
                .should().dependOnClassesThat().resideInAPackage("io.kana.core.trading..")
                .check(CORE);
    }

    @Test
    void theTradingApiIsSmall() {
        classes().that().resideInAPackage("io.kana.core.trading").and().arePublic().and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("Trader").orShould().haveSimpleName("PayloadPolicy")
                .orShould().haveSimpleName("Execution").orShould().haveSimpleName("TradeResult")
                .orShould().haveSimpleName("TradeOperation").orShould().haveSimpleName("Placement")
                .orShould().haveSimpleName("TradeListener")
                // Issue 12: where payloads come from, pre-trade limits and the halt's report.
                .orShould().haveSimpleName("PayloadSource").orShould().haveSimpleName("PayloadFallback")
                .orShould().haveSimpleName("RiskLimits").orShould().haveSimpleName("RiskState")
                .orShould().haveSimpleName("HaltReport")
                .check(CORE);
        classes().that().resideInAPackage("io.kana.core.trading").and().haveSimpleName("MarketRulesCache")
                .should().notBePublic().check(CORE);
        classes().that().resideInAPackage("io.kana.core.trading").and().arePublic().and().areNotEnums()
                .and().areNotInterfaces()
                .should().haveModifier(JavaModifier.FINAL).check(CORE);
    }
}
