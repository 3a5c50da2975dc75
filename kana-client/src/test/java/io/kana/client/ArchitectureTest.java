package io.kana.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Guice and Micrometer are optional dependencies: each is named by one class only, so a builder
 * user needs neither on the class path.
 */
class ArchitectureTest {

    static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kana.client");

    @Test
    void onlyKanaModuleNamesGuice() {
        noClasses().that().haveNameNotMatching("io\\.kana\\.client\\.KanaModule(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
                .check(CLIENT);
    }

    @Test
    void onlyKanaMetricsNamesMicrometer() {
        noClasses().that().haveNameNotMatching("io\\.kana\\.client\\.KanaMetrics(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
                .check(CLIENT);
    }

    @Test
    void theBuilderWorksWithoutGuiceOrMicrometerOnTheClassPath() throws Exception {
        ClassLoader withoutOptionals = new HidingClassLoader(getClass().getClassLoader());

        Class<?> client = Class.forName(KanaClient.class.getName(), true, withoutOptionals);
        Object config = Class.forName(KanaConfig.class.getName(), true, withoutOptionals)
                .getMethod("fromEnvironment", java.util.Map.class)
                .invoke(null, java.util.Map.of("KANA_NETWORK", "testnet"));
        Object builder = client.getMethod("builder", config.getClass()).invoke(null, config);
        try (AutoCloseable built = (AutoCloseable) builder.getClass().getMethod("build").invoke(builder)) {
            assertThat(built.getClass().getClassLoader()).isSameAs(withoutOptionals);
            assertThat(built.getClass().getMethod("canTrade").invoke(built)).isEqualTo(false);
        }
    }

    /** Loads the SDK's classes itself and refuses Guice and Micrometer, as a class path without them would. */
    private static final class HidingClassLoader extends ClassLoader {

        HidingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.google.inject.") || name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name);
            }
            if (name.startsWith("io.kana.client.")) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null) {
                        String resource = name.replace('.', '/') + ".class";
                        try (var in = getParent().getResourceAsStream(resource)) {
                            byte[] bytes = in.readAllBytes();
                            loaded = defineClass(name, bytes, 0, bytes.length);
                        } catch (java.io.IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return loaded;
                }
            }
            return super.loadClass(name, resolve);
        }
    }
}
