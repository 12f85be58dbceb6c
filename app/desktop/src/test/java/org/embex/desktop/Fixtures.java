package org.embex.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.embex.desktop.viewmodel.Settings;
import org.embex.model.LocalMavenRepository;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelInstaller;
import org.embex.parquet.ParquetTable;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;
import org.embex.usecase.CorpusEmbedding;
import org.embex.usecase.CorpusSpec;
import org.embex.usecase.EmbeddedCorpus;
import org.embex.usecase.PlacedMap;
import org.embex.usecase.SampledMap;
import org.embex.usecase.VectorExport;
import org.embex.usecase.Workspace;

/** The real parts desktop tests run on: the project's models, its samples, and a cache of their own. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root() {
        String root = System.getProperty("embex.root");
        return Path.of(root == null ? "../.." : root).toAbsolutePath().normalize();
    }

    /** The catalogue, with the two default models installed from the jars Maven holds for these tests. */
    public static Path models() {
        Path dir = root().resolve("models");
        ModelCatalogue catalogue = new ModelCatalogue(dir);
        ModelInstaller installer = new ModelInstaller(new LocalMavenRepository(LocalMavenRepository.defaultRoot(), false));
        installer.install(catalogue.find("all-minilm-l6-v2"));
        installer.install(catalogue.find("bge-small-zh-v1.5"));
        return dir;
    }

    public static Path sample(String language) {
        return root().resolve("samples").resolve("telecom-support-" + language + ".csv");
    }

    public static Path newCache() {
        try {
            return Files.createTempDirectory("embex-desktop-test").resolve("vectors.sqlite");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of their own, in a new empty folder: a test starts from the defaults and leaves the user's alone. */
    public static Settings newSettings() {
        try {
            return Settings.in(Files.createTempDirectory("embex-desktop-settings").resolve("settings.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A map as the Spark map job writes it, of the English sample (402 questions): its MiniLM
     * vectors exported as {@code embed -o} writes them, 150 rows mapped with UMAP and the rest
     * placed from them by the map job's own use case ({@link SampledMap}), written in two parts
     * with x, y and cluster added.
     */
    public static Path placedMap(Workspace workspace, Path dir) throws Exception {
        EmbeddedCorpus corpus = CorpusEmbedding.embed(workspace, CorpusSpec.defaults(sample("en")), "all-minilm-l6-v2",
                ProgressListener.NONE, CancellationToken.none());
        Path vectors = dir.resolve("vectors.parquet");
        VectorExport.write(corpus, vectors);
        List<float[]> all = new ArrayList<>();
        for (int row = 0; row < corpus.size(); row++) {
            all.add(corpus.vectors().row(row));
        }
        SampledMap sampled = SampledMap.of(all.subList(0, 150), 6, 42);
        List<SampledMap.Place> places = new ArrayList<>();
        for (int row = 0; row < 150; row++) {
            places.add(new SampledMap.Place(sampled.x()[row], sampled.y()[row], sampled.clusters()[row]));
        }
        places.addAll(sampled.placer().place(all.subList(150, all.size())));
        StringBuilder csv = new StringBuilder("id,x,y,cluster\n");
        for (int row = 0; row < places.size(); row++) {
            SampledMap.Place place = places.get(row);
            csv.append(corpus.row(row).id()).append(',').append(place.x()).append(',').append(place.y()).append(',')
                    .append(place.cluster()).append('\n');
        }
        Path placesFile = Files.writeString(dir.resolve("places.csv"), csv);
        Path map = Files.createDirectories(dir.resolve("map"));
        try (Connection connection = ParquetTable.connect(); Statement statement = connection.createStatement()) {
            for (int part = 0; part < 2; part++) {
                statement.execute("COPY (SELECT v.*, p.x::FLOAT AS x, p.y::FLOAT AS y, p.cluster::INTEGER AS cluster FROM (SELECT *,"
                        + " row_number() OVER () AS n FROM read_parquet(" + ParquetTable.literal(vectors.toString()) + ")) v JOIN read_csv("
                        + ParquetTable.literal(placesFile.toString()) + ", header = true, all_varchar = true) p USING (id)"
                        + " WHERE (v.n > 200) = " + (part == 1) + " ORDER BY v.n) TO "
                        + ParquetTable.literal(map.resolve("part-0000" + part + ".parquet").toString()) + " (FORMAT parquet)");
            }
        }
        Files.writeString(map.resolve(PlacedMap.MARKER), "{}");
        return map;
    }

    /** Where tests leave pictures of what they saw, for a person to look at. */
    public static Path screenshots() {
        Path dir = Path.of("target", "screenshots").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
