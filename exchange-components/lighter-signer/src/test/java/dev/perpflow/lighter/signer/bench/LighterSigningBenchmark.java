package dev.perpflow.lighter.signer.bench;

import dev.perpflow.lighter.signer.Fp5;
import dev.perpflow.lighter.signer.LighterAuthToken;
import dev.perpflow.lighter.signer.LighterKey;
import dev.perpflow.lighter.signer.LighterTx;
import dev.perpflow.lighter.signer.Schnorr;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Signing a Lighter transaction in pure Java: the create-order hash (Poseidon2 over 16 elements) plus a Schnorr
 * signature with a fresh random nonce (one fixed-base multiplication, one more Poseidon2); an auth token; and a
 * verification (what the fake venue does per request). Target: under 1 ms per signature. Run:
 * {@code mvn -B -o -pl exchange-components/lighter-signer -Pbenchmark verify} (figures in docs/PERFORMANCE.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LighterSigningBenchmark {

    private LighterKey key;
    private long nonce;
    private Fp5 hash;
    private Schnorr.Signature signature;

    @Setup
    public void setUp() {
        key = LighterKey.generate();
        hash = order(1).hash(LighterTx.MAINNET_CHAIN_ID);
        signature = key.sign(hash);
    }

    private static LighterTx.CreateOrder order(long nonce) {
        return new LighterTx.CreateOrder(281_474_976L, 3, 1, 123_456, 4_301, 369_786, 1, LighterTx.ORDER_TYPE_LIMIT,
                LighterTx.POST_ONLY, 0, 0, 1_790_000_000_000L, 1_789_999_400_000L, nonce);
    }

    /** What submitting one order costs in signing: hash the transaction and sign it. */
    @Benchmark
    public Schnorr.Signature signCreateOrder() {
        return key.sign(order(++nonce).hash(LighterTx.MAINNET_CHAIN_ID));
    }

    @Benchmark
    public String authToken() {
        return LighterAuthToken.create(key, 1_790_000_000L + ++nonce, 281_474_976L, 3);
    }

    @Benchmark
    public boolean verify() {
        return Schnorr.verify(key.publicKey(), hash, signature);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(LighterSigningBenchmark.class.getSimpleName()).build()).run();
    }
}
