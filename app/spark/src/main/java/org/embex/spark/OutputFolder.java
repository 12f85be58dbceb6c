package org.embex.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import org.embex.BadInputException;

/**
 * The job's output folder, on any file system Hadoop reaches (local, HDFS, S3 through s3a): one
 * Parquet file per part, {@code part-00000.parquet} on, and {@code _embex-job.json}, which says what
 * the parts were made from and, once every part is in, how many rows they hold.
 *
 * <p>A part is committed by a rename: written beside the parts under {@code _attempts/} (a name per
 * task attempt), the part's earlier file (a failed attempt that had committed) deleted, the attempt
 * renamed over it. A part is therefore there whole or not at all, a retried task replaces its own
 * part rather than adding rows, and a rerun of the same job over a folder an earlier run left
 * (crashed) rewrites every part in place: no duplicates, no gaps. A folder that holds anything
 * else, or another job's parts, is refused rather than mixed with.
 */
final class OutputFolder implements Serializable {

    /** Spark, Hadoop and DuckDB's globs pass over names that start with an underscore: readers of the parts see only parts. */
    static final String MANIFEST = "_embex-job.json";
    private static final String ATTEMPTS = "_attempts";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String location;

    private OutputFolder(String location) {
        this.location = location;
    }

    /**
     * Makes {@code location} ready for the job described by {@code plan} (what the parts are made from):
     * created when absent; an empty folder, or one an earlier run of the same plan left, is taken.
     */
    static OutputFolder prepare(String location, Map<String, Object> plan, Configuration conf) {
        OutputFolder folder = new OutputFolder(location);
        try {
            FileSystem fs = folder.fileSystem(conf);
            Path root = new Path(location);
            if (fs.exists(root)) {
                if (!fs.getFileStatus(root).isDirectory()) {
                    throw new BadInputException(location + " is a file; the job writes a folder of parts");
                }
                FileStatus[] inside = fs.listStatus(root);
                if (inside.length > 0) {
                    Path manifest = new Path(root, MANIFEST);
                    if (!fs.exists(manifest)) {
                        throw new BadInputException(location + " is not empty and was not written by this job (no "
                                + MANIFEST + "); name an empty or new folder");
                    }
                    Map<?, ?> earlier;
                    try (InputStream in = fs.open(manifest)) {
                        earlier = JSON.readValue(in, Map.class);
                    }
                    if (!Objects.equals(JSON.convertValue(earlier.get("plan"), Map.class), JSON.convertValue(plan, Map.class))) {
                        throw new BadInputException(location + " holds the parts of another job (" + earlier.get("plan")
                                + "); name an empty or new folder, or run that job again");
                    }
                }
            }
            fs.mkdirs(root);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("plan", plan);
            manifest.put("complete", false);
            folder.writeManifest(fs, manifest);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + location + ": " + e.getMessage(), e);
        }
    }

    /** Puts the local file {@code written} in place as part {@code part}, replacing an earlier attempt's. */
    void commit(int part, java.nio.file.Path written, int attempt, Configuration conf) {
        try {
            FileSystem fs = fileSystem(conf);
            Path staged = new Path(new Path(location, ATTEMPTS), String.format("part-%05d.attempt-%d.parquet", part, attempt));
            fs.copyFromLocalFile(true, true, new Path(written.toAbsolutePath().toUri()), staged);
            Path target = partPath(part);
            fs.delete(target, false);
            if (!fs.rename(staged, target)) {
                throw new IOException("could not rename " + staged + " to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit part " + part + " to " + location + ": " + e.getMessage(), e);
        }
    }

    /** Records the job as complete, with what it wrote, and clears the attempts' folder. */
    void finish(Map<String, Object> plan, Map<String, Object> outcome, Configuration conf) {
        try {
            FileSystem fs = fileSystem(conf);
            fs.delete(new Path(location, ATTEMPTS), true);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("plan", plan);
            manifest.put("complete", true);
            manifest.putAll(outcome);
            writeManifest(fs, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish " + location + ": " + e.getMessage(), e);
        }
    }

    Path partPath(int part) {
        return new Path(location, String.format("part-%05d.parquet", part));
    }

    private void writeManifest(FileSystem fs, Map<String, Object> manifest) throws IOException {
        try (OutputStream out = fs.create(new Path(location, MANIFEST), true)) {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The folder's file system; the location is qualified (scheme and all), as {@link EmbedJob} passes it. */
    private FileSystem fileSystem(Configuration conf) throws IOException {
        return FileSystem.get(URI.create(location), conf);
    }
}
