package org.embex.embed;

import java.lang.reflect.Field;

/**
 * Keeps DJL off the network. DJL's tokenizer library "calls home" when a tokenizer is created
 * ({@code ai.djl.util.Ec2Utils.callHome}): four connections to the EC2 metadata address
 * 169.254.169.254, and on a cloud machine a request to a telemetry server. embex promises no
 * network at run time, so this runs before the first tokenizer, in every process that loads one
 * (the CLI, the window, tests, benchmarks, anyone embedding the jar), not only in the launcher.
 *
 * <p>Two locks, because DJL reads the environment before system properties: the documented
 * switches ({@code ai.djl.offline}, {@code OPT_OUT_TRACKING}) as system properties, and the
 * check-in time stamped far in the future, which {@code callHome} reads as "checked in already"
 * whatever the environment says ({@code DJL_OFFLINE=false} would otherwise win). The stamp reads
 * a private field of DJL 0.36; if a later DJL drops it, the properties still hold and the
 * connection test ({@code NoNetworkTest}) says whether that is enough.
 */
public final class DjlOffline {

    private static volatile boolean done;

    private DjlOffline() {
    }

    /** Idempotent and cheap after the first call. */
    public static void ensure() {
        if (done) {
            return;
        }
        synchronized (DjlOffline.class) {
            if (!done) {
                System.setProperty("ai.djl.offline", "true");
                System.setProperty("OPT_OUT_TRACKING", "true");
                stampCheckIn();
                done = true;
            }
        }
    }

    private static void stampCheckIn() {
        try {
            Field lastCheckIn = Class.forName("ai.djl.util.Ec2Utils").getDeclaredField("lastCheckIn");
            lastCheckIn.setAccessible(true);
            lastCheckIn.setLong(null, Long.MAX_VALUE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A DJL without the field, or a module layer that forbids the access: the properties
            // above are the documented switch and stay set.
        }
    }
}
