package io.relaysms.simulator.behaviour;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the simulator's chance comes from. Seeded, draws come from one shared generator, so a run with the
 * same seed and the same order of events repeats; unseeded, each thread draws on its own without contention.
 * Choices that must not depend on event order (which recipients answer STOP) hash the seed with the input
 * instead, see {@link #stableFraction(String)}.
 */
public final class RandomSource {

    private final Optional<Random> seeded;
    private final long seed;

    public RandomSource(Optional<Long> seed) {
        this.seeded = seed.map(Random::new);
        this.seed = seed.orElseGet(() -> ThreadLocalRandom.current().nextLong());
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return seeded.isPresent() ? seeded.get().nextDouble() : ThreadLocalRandom.current().nextDouble();
    }

    public long seed() {
        return seed;
    }

    /** A fraction in [0, 1) that depends only on the seed and the key, stable across runs with the same seed. */
    public double stableFraction(String key) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
