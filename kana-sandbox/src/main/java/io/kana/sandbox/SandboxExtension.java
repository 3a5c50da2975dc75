package io.kana.sandbox;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that hands tests a running {@link KanaSandbox} as a parameter and closes it
 * afterwards.
 *
 * <pre>{@code
 * @ExtendWith(SandboxExtension.class)          // a fresh sandbox per test, default settings
 * class MyTest {
 *     @Test void trades(KanaSandbox sandbox) { ... }
 * }
 *
 * class MyOtherTest {                           // one sandbox shared by the class, seeded
 *     @RegisterExtension
 *     static final SandboxExtension SANDBOX = SandboxExtension.perClass(b -> b.seed(7));
 * }
 * }</pre>
 */
public final class SandboxExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

    private final boolean perClass;
    private final Consumer<KanaSandbox.Builder> settings;

    /** A fresh sandbox with default settings for every test. */
    public SandboxExtension() {
        this(false, builder -> { });
    }

    private SandboxExtension(boolean perClass, Consumer<KanaSandbox.Builder> settings) {
        this.perClass = perClass;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A fresh sandbox for every test, configured by {@code settings}. */
    public static SandboxExtension perTest(Consumer<KanaSandbox.Builder> settings) {
        return new SandboxExtension(false, settings);
    }

    /** One sandbox for all tests of the class, configured by {@code settings}. */
    public static SandboxExtension perClass(Consumer<KanaSandbox.Builder> settings) {
        return new SandboxExtension(true, settings);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KanaSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext scope = perClass ? classScope(context) : context;
        // The store closes AutoCloseable values when its scope ends.
        return scope.getStore(NAMESPACE).getOrComputeIfAbsent(KanaSandbox.class, key -> start(), KanaSandbox.class);
    }

    private KanaSandbox start() {
        KanaSandbox.Builder builder = KanaSandbox.builder();
        settings.accept(builder);
        return builder.start();
    }

    private static ExtensionContext classScope(ExtensionContext context) {
        ExtensionContext scope = context;
        while (scope.getTestMethod().isPresent() && scope.getParent().isPresent()) {
            scope = scope.getParent().get();
        }
        return scope;
    }
}
