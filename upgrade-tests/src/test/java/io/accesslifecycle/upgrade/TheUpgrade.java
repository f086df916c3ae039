package io.accesslifecycle.upgrade;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods the {@link UpgradedDatabase}: the upgrade runs once, for the first test that asks, and is kept
 * in JUnit's root store, which closes it (stopping the upgraded server) when the run ends. A failed upgrade is kept
 * too: every test that needs it fails with its cause, none runs it again.
 */
public final class TheUpgrade implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TheUpgrade.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == UpgradedDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        Outcome.class,
                        key -> Outcome.of(() -> UpgradedDatabase.upgrade(Setup.fromSystemProperties())),
                        Outcome.class)
                .get();
    }

    /** The upgrade, or why it failed. */
    private record Outcome(UpgradedDatabase upgraded, Throwable failure) implements AutoCloseable {

        static Outcome of(Supplier<UpgradedDatabase> upgrade) {
            try {
                return new Outcome(upgrade.get(), null);
            } catch (RuntimeException | AssertionError e) {
                return new Outcome(null, e);
            }
        }

        UpgradedDatabase get() {
            if (failure != null) {
                throw new AssertionError("the upgrade failed: " + failure.getMessage(), failure);
            }
            return upgraded;
        }

        @Override
        public void close() {
            if (upgraded != null) {
                upgraded.close();
            }
        }
    }
}
