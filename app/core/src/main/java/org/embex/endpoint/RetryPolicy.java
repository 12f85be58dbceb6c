package org.embex.endpoint;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying a request again: what the endpoint asked for ({@code Retry-After},
 * in seconds or as an HTTP date), else an exponential backoff with jitter, so that many clients
 * refused at once do not come back at once.
 *
 * @param first the wait before the second try; it doubles with each try after that
 * @param most  the longest wait backoff reaches, and the longest {@code Retry-After} honoured
 */
record RetryPolicy(Duration first, Duration most) {

    static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(60));

    /**
     * The wait before try {@code nextTry} (2 for the first retry). Backoff waits between half and all of
     * {@code first · 2^(nextTry−2)} (capped at {@code most}), at random.
     */
    Duration wait(int nextTry, Optional<String> retryAfter, RandomGenerator random) {
        Optional<Duration> asked = retryAfter.flatMap(RetryPolicy::parseRetryAfter);
        if (asked.isPresent()) {
            return asked.get().compareTo(most) > 0 ? most : asked.get();
        }
        long ceiling = Math.min(most.toMillis(), first.toMillis() << Math.min(30, Math.max(0, nextTry - 2)));
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2)));
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110, 10.2.3); nothing when it is neither. */
    static Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
