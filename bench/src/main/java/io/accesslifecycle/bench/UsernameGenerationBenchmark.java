package io.accesslifecycle.bench;

import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.usernames.NameNormalizer;
import io.accesslifecycle.usernames.UsernameRule;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Usernames per second on one thread, in-process, nobody holding any username yet.
 * <ul>
 *   <li>{@code ours}: what a declaration computes, {@code rule.firstFree(rule.name(first, last), prefix -> Set.of())}
 *   with the default rule ({@code {initials}{last}}, then the counter; at most 20 characters).</li>
 *   <li>{@code stock}: what stock Keycloak does with a username an administrator typed: lowercase it.</li>
 * </ul>
 * Each invocation handles the 50 names of {@link BenchNames}; {@link OperationsPerInvocation} makes the score
 * names per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class UsernameGenerationBenchmark {

    /** A constant, as {@link OperationsPerInvocation} needs; {@link BenchNames} checks that it holds 50 names. */
    static final int NAMES = 50;

    private UsernameRule rule;
    private String[] firstNames;
    private String[] lastNames;
    /** Explicit usernames for the stock side: the same lengths as ours, in mixed case (so lowercasing has work). */
    private String[] typedUsernames;

    @Setup
    public void setUp() {
        rule = new UsernameRule(
                new NameNormalizer(),
                AccessSettings.DEFAULTS.usernamePatterns(),
                AccessSettings.DEFAULTS.usernameMaxLength());
        firstNames =
                BenchNames.PEOPLE.stream().map(BenchNames.Person::firstName).toArray(String[]::new);
        lastNames = BenchNames.PEOPLE.stream().map(BenchNames.Person::lastName).toArray(String[]::new);
        typedUsernames = new String[NAMES];
        for (int i = 0; i < NAMES; i++) {
            String u = rule.firstFree(rule.name(firstNames[i], lastNames[i]), prefix -> Set.of());
            typedUsernames[i] = u.substring(0, 1).toUpperCase(Locale.ROOT)
                    + u.substring(1, u.length() - 1)
                    + u.substring(u.length() - 1).toUpperCase(Locale.ROOT);
        }
    }

    @Benchmark
    @OperationsPerInvocation(NAMES)
    public void ours(Blackhole bh) {
        for (int i = 0; i < NAMES; i++) {
            bh.consume(rule.firstFree(rule.name(firstNames[i], lastNames[i]), prefix -> Set.of()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(NAMES)
    public void stock(Blackhole bh) {
        for (int i = 0; i < NAMES; i++) {
            bh.consume(typedUsernames[i].toLowerCase(Locale.ROOT));
        }
    }

    /** The usernames the rule gives for the bench names, for the report. */
    static String[][] sample() {
        UsernameGenerationBenchmark b = new UsernameGenerationBenchmark();
        b.setUp();
        String[][] rows = new String[NAMES][];
        for (int i = 0; i < NAMES; i++) {
            rows[i] = new String[] {
                b.firstNames[i] + " " + b.lastNames[i],
                b.rule.firstFree(b.rule.name(b.firstNames[i], b.lastNames[i]), prefix -> Set.of())
            };
        }
        return rows;
    }
}
