package org.embex.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.embex.desktop.map.Colouring;
import org.embex.desktop.map.DrawList;
import org.embex.desktop.map.MapLabels;
import org.embex.desktop.map.MapView;
import org.embex.desktop.map.PointGrid;
import org.embex.desktop.map.PointRenderer;
import org.embex.desktop.map.PointStyle;
import org.embex.desktop.map.Viewport;
import org.embex.layout.Layout;

/**
 * Frame times of the map while panning and zooming, for 10k, 100k and 1M points at 1600×1000:
 * the points drawn into the raster (what each frame costs embex), and the time from one frame to
 * the next of a window shown on Monocle's headless screen with the software pipeline (raster,
 * upload into the image, prism drawing the scene). The layouts are synthetic: 40 Gaussian clumps of varied size, as a UMAP of labelled
 * texts looks. Usage: {@code bench/run render [--points 10000,100000,1000000]}.
 */
public final class RenderBenchmark {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;
    private static final int FRAMES = 120;
    private static final int WARM_UP = 20;

    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 2 && args[0].equals("--points")
                ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000, 1_000_000};
        System.out.printf("Map frames at %d×%d while panning and zooming (%d frames after %d warm-up; point style as the "
                + "explorer picks it for the size)%n", WIDTH, HEIGHT, FRAMES, WARM_UP);
        System.out.printf("%10s  %-30s %8s %8s %8s %8s%n", "points", "path", "p50 ms", "p90 ms", "max ms", "fps p50");
        for (int n : sizes) {
            Layout layout = clumps(n, 7);
            Colouring colouring = Colouring.categorical("label", labels(n, 40, 7));
            report(n, "raster (points into int[])", raster(layout, colouring, false));
            report(n, "raster with density under", raster(layout, colouring, true));
            report(n, "map frame, points only", mapFrames(layout, colouring, false, false));
            report(n, "map frame, names on", mapFrames(layout, colouring, false, true));
            report(n, "map frame, density on", mapFrames(layout, colouring, true, false));
            report(n, "map frame, names and density", mapFrames(layout, colouring, true, true));
            report(n, "shown window, frame to frame", javafx(layout, colouring));
        }
        javafx.application.Platform.exit();
    }

    private static void report(int n, String path, double[] millis) {
        double p50 = Stats.median(millis);
        System.out.printf("%,10d  %-30s %8.1f %8.1f %8.1f %8.0f%n", n, path, p50, Stats.percentile(millis, 90),
                Arrays.stream(millis).max().orElse(0), 1000 / p50);
    }

    /** The view for frame {@code f}: a pan to the right and back, with zooms in and out on the way. */
    private static Viewport move(Viewport view, int f) {
        Viewport panned = view.panBy(f % 40 < 20 ? 25 : -25, f % 30 < 15 ? 10 : -10);
        return panned.zoomAbout(WIDTH * 0.4, HEIGHT * 0.6, f % 20 < 10 ? 1.06 : 1 / 1.06);
    }

    private static double[] raster(Layout layout, Colouring colouring, boolean density) {
        PointRenderer renderer = new PointRenderer(PointStyle.forPoints(layout.points()));
        DrawList points = new DrawList(layout, new PointGrid(layout));
        points.colour(colouring.colours());
        int[] pixels = new int[WIDTH * HEIGHT];
        Viewport view = Viewport.fit(layout, WIDTH, HEIGHT);
        double[] millis = new double[FRAMES];
        for (int f = -WARM_UP; f < FRAMES; f++) {
            view = move(view, f + WARM_UP);
            long start = System.nanoTime();
            renderer.render(pixels, view, 0xFFFFFF, points, density);
            if (f >= 0) {
                millis[f] = (System.nanoTime() - start) / 1e6;
            }
        }
        return millis;
    }

    /**
     * What a frame of the map costs with each layer on or off: the raster, the density under it and
     * the names over it (placed without overlaps, then written), as {@link MapView#lastFrameMillis}
     * times it, on the JavaFX thread.
     */
    private static double[] mapFrames(Layout layout, Colouring colouring, boolean density, boolean names) {
        return Offscreen.call(() -> {
            MapView map = new MapView();
            Stage window = new Stage();
            window.setScene(new Scene(map, WIDTH, HEIGHT));
            window.show();
            map.setLayout(layout);
            map.setColouring(colouring);
            map.setPointStyle(PointStyle.forPoints(layout.points()));
            map.setDensity(density);
            map.setLabels(names ? MapLabels.of(layout, colouring, new BitSet()) : MapLabels.NONE);
            map.layout();
            double[] millis = new double[FRAMES];
            for (int f = -WARM_UP; f < FRAMES; f++) {
                int step = f + WARM_UP;
                map.panBy(step % 40 < 20 ? 25 : -25, step % 30 < 15 ? 10 : -10);
                map.zoom(step % 20 < 10 ? 1.06 : 1 / 1.06);
                map.redrawIfDirty();
                if (f >= 0) {
                    millis[f] = map.lastFrameMillis();
                }
            }
            if (names && map.placedLabels().isEmpty()) {
                throw new IllegalStateException("the map wrote no names");
            }
            window.close();
            return millis;
        });
    }

    /**
     * Frame-to-frame times of a shown window: a timer moves the map at every pulse, the map redraws
     * at the next, and JavaFX renders the scene to Monocle's headless screen. JavaFX paces pulses
     * at 60 per second at most, so 16.7 ms is the floor.
     */
    private static double[] javafx(Layout layout, Colouring colouring) {
        CountDownLatch done = new CountDownLatch(1);
        double[] millis = new double[FRAMES];
        Stage stage = Offscreen.call(() -> {
            MapView map = new MapView();
            Stage window = new Stage();
            window.setScene(new Scene(map, WIDTH, HEIGHT));
            window.show();
            map.setLayout(layout);
            map.setColouring(colouring);
            map.setPointStyle(PointStyle.forPoints(layout.points()));
            new AnimationTimer() {
                private int frame = -WARM_UP;
                private long last;

                @Override
                public void handle(long pulse) {
                    // Wall-clock time between handler calls: JavaFX's pulse stamp is when the pulse was due, not when it ran.
                    long now = System.nanoTime();
                    if (frame > 0 && frame <= FRAMES) {
                        millis[frame - 1] = (now - last) / 1e6;
                    }
                    last = now;
                    int step = frame + WARM_UP;
                    map.panBy(step % 40 < 20 ? 25 : -25, step % 30 < 15 ? 10 : -10);
                    map.zoom(step % 20 < 10 ? 1.06 : 1 / 1.06);
                    if (++frame > FRAMES) {
                        stop();
                        done.countDown();
                    }
                }
            }.start();
            return window;
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long drawn = Offscreen.call(() -> {
            stage.close();
            return ((MapView) stage.getScene().getRoot()).frames();
        });
        if (drawn < FRAMES) {
            System.out.printf("  (the map drew %d frames for %d moves: some pulses carried no new frame)%n", drawn, FRAMES + WARM_UP);
        }
        return millis;
    }

    static Layout clumps(int n, long seed) {
        Random random = new Random(seed);
        int clumps = 40;
        double[][] centres = new double[clumps][3];
        for (double[] centre : centres) {
            centre[0] = random.nextGaussian() * 8;
            centre[1] = random.nextGaussian() * 6;
            centre[2] = 0.2 + random.nextDouble() * 0.9;
        }
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double[] centre = centres[random.nextInt(clumps)];
            x[i] = (float) (centre[0] + random.nextGaussian() * centre[2]);
            y[i] = (float) (centre[1] + random.nextGaussian() * centre[2]);
        }
        return new Layout(x, y);
    }

    private static List<String> labels(int n, int count, long seed) {
        Random random = new Random(seed);
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add("label" + random.nextInt(count));
        }
        return labels;
    }
}
