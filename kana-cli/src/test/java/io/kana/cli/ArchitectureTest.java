package io.kana.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Every command runs in-process as it runs from {@code java -jar}: only {@link KanaCli#main} touches the
 * process's environment, streams and exit; commands get them from picocli and {@link CliEnvironment}.
 */
class ArchitectureTest {

    static final ArchRule NO_PROCESS_GLOBALS = noClasses().that().doNotHaveFullyQualifiedName(KanaCli.class.getName())
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(System.class, "exit", int.class)
            .orShould().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    @Test
    void onlyMainTouchesTheProcess() {
        NO_PROCESS_GLOBALS.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kana.cli"));
    }

    @Test
    void theRuleCatchesACommandReadingTheEnvironment() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsTheEnvironment.class);

        assertThatThrownBy(() -> NO_PROCESS_GLOBALS.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("getenv");
    }

    static final class ReadsTheEnvironment {
        String network() {
            return System.getenv("KANA_NETWORK");
        }
    }
}
