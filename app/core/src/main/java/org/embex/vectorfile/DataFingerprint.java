package org.embex.vectorfile;

import java.util.HexFormat;

/**
 * What imported vectors are known by in the cache: a hash of their values and shape, so that a map
 * made from a file is found again for the same numbers under any file name, and never for changed
 * ones. Two 64-bit multiply-rotate lanes over the values' bits, fed value by value in the pass
 * that checks them (collisions are not an attack surface here, and a cryptographic hash of a
 * million vectors would cost seconds).
 */
final class DataFingerprint {

    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    private long a;
    private long b;

    DataFingerprint(int dims, long values) {
        a = 0x243F6A8885A308D3L ^ dims;
        b = 0x13198A2E03707344L ^ values;
    }

    void add(float value) {
        long bits = Float.floatToRawIntBits(value) & 0xffffffffL;
        a = Long.rotateLeft((a ^ bits) * P1, 31);
        b = Long.rotateLeft((b + bits) * P2, 27) ^ a;
    }

    String hex() {
        return "data-" + HexFormat.of().toHexDigits(mix(a)) + HexFormat.of().toHexDigits(mix(b));
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
