package io.relaysms.benchmarks.dispatch;

import io.relaysms.dispatcher.ratelimit.NumberBucket;
import io.relaysms.dispatcher.ratelimit.RateLimit;
import io.relaysms.dispatcher.segment.SegmentedMessage;
import io.relaysms.dispatcher.segment.Segmenter;
import io.relaysms.schemas.MessageEncoding;
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

/**
 * The per-message CPU work of the dispatch loop that does not touch the network: segmenting a text and taking
 * from a number's bucket. Run with {@code java -jar benchmarks/target/benchmarks.jar HotPath}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {

    private Segmenter segmenter;
    private NumberBucket unlimited;
    private final String shortGsm = "Your code is 123456. It expires in 10 minutes.";
    private final String longGsm = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(6);
    private final String ucs2 = "Ваш код 123456, он действует 10 минут. 🙂";

    @Setup
    public void setUp() {
        segmenter = new Segmenter();
        unlimited = new NumberBucket(new RateLimit(6e9, 1_000_000_000L));
    }

    @Benchmark
    public SegmentedMessage segmentShortGsm() {
        return segmenter.split(shortGsm, MessageEncoding.GSM7);
    }

    @Benchmark
    public SegmentedMessage segmentLongGsm() {
        return segmenter.split(longGsm, MessageEncoding.GSM7);
    }

    @Benchmark
    public SegmentedMessage segmentUcs2() {
        return segmenter.split(ucs2, MessageEncoding.GSM7);
    }

    @Benchmark
    public long takeFromBucket() {
        return unlimited.tryTake(1);
    }
}
