package org.embex.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.embex.BadInputException;
import org.embex.embed.Embedding;
import org.embex.layout.Layout;
import org.embex.model.ContentHash;
import org.embex.model.ModelFingerprint;
import org.embex.vectors.Metric;

class CacheRecoveryTest {

    private static final ModelFingerprint MODEL = new ModelFingerprint("a".repeat(64));

    @TempDir
    Path dir;

    @Test
    void recoveryCopiesTheVectorsOnSoundPagesBitForBitAndLeavesTheDamagedFileAlone() throws IOException {
        Path damaged = DamagedCaches.damaged(dir.resolve("c.sqlite"), MODEL);
        String before = ContentHash.ofFile(damaged);
        Path target = dir.resolve("c-recovered.sqlite");

        Recovery recovery = CacheRecovery.recover(damaged, target);

        assertThat(recovery.models()).isEqualTo(1);
        // 4,000 bytes reach into at most two 16 KB pages of about ten vectors each.
        assertThat(recovery.vectors()).as("the rows of the damaged pages are lost, the others kept")
                .isBetween(DamagedCaches.VECTORS - 22L, DamagedCaches.VECTORS - 1L);
        assertThat(recovery.listed()).hasValue(DamagedCaches.VECTORS);
        assertThat(ContentHash.ofFile(damaged)).isEqualTo(before);
        try (VectorCache copy = VectorCache.openExisting(target)) {
            assertThat(copy.check().problems()).isEmpty();
            Map<ByteBuffer, Embedding> back = copy.get(copy.modelKey(MODEL, "a", DamagedCaches.DIMS), DamagedCaches.hashes());
            assertThat((long) back.size()).isEqualTo(recovery.vectors());
            for (CachedVector stored : DamagedCaches.vectors()) {
                Embedding found = back.get(ByteBuffer.wrap(stored.textHash()));
                if (found != null) {
                    assertThat(found.vector()).containsExactly(stored.embedding().vector());
                    assertThat(found.tokens()).isEqualTo(stored.embedding().tokens());
                    assertThat(found.truncated()).isEqualTo(stored.embedding().truncated());
                    assertThat(found.unknownShare()).isEqualTo(stored.embedding().unknownShare());
                }
            }
        }
    }

    @Test
    void recoveryOfASoundCacheCopiesVectorsLayoutsAndGraphs() {
        Path file = dir.resolve("c.sqlite");
        LayoutKey layoutKey = new LayoutKey("sha", "text=1", MODEL.hex(), "umap", "UmapParams[...]");
        GraphKey graphKey = new GraphKey("sha", "text=1", MODEL.hex(), Metric.COSINE, 2, 42);
        try (VectorCache cache = VectorCache.open(file)) {
            cache.putAll(cache.modelKey(MODEL, "a", DamagedCaches.DIMS), DamagedCaches.vectors().subList(0, 30));
            cache.storeLayout(layoutKey, new Layout(new float[] {1, 2, 3}, new float[] {4, 5, 6}));
            cache.storeGraph(graphKey, new int[][] {{1, 2}, {0, 2}, {0, 1}});
        }

        Recovery recovery = CacheRecovery.recover(file, dir.resolve("copy.sqlite"));

        assertThat(List.of(recovery.models(), recovery.vectors(), recovery.layouts(), recovery.graphs()))
                .containsExactly(1L, 30L, 1L, 1L);
        try (VectorCache copy = VectorCache.openExisting(dir.resolve("copy.sqlite"))) {
            assertThat(copy.layout(layoutKey).orElseThrow().y()).containsExactly(4, 5, 6);
            assertThat(copy.graph(graphKey).orElseThrow()).isDeepEqualTo(new int[][] {{1, 2}, {0, 2}, {0, 1}});
        }
    }

    @Test
    void recoveryNeverWritesOverAFile() throws IOException {
        Path damaged = DamagedCaches.damaged(dir.resolve("c.sqlite"), MODEL);
        Path existing = Files.writeString(dir.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> CacheRecovery.recover(damaged, existing))
                .isInstanceOf(BadInputException.class)
                .hasMessage(existing + " is there already; cache recover writes a new cache: name a file that is not there with --to");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void recoveryReadsOnlyEmbexCaches() throws SQLException {
        Path other = dir.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE vectors (id INTEGER PRIMARY KEY)");
        }
        assertThatThrownBy(() -> CacheRecovery.recover(other, dir.resolve("copy.sqlite")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not an embex cache");
        assertThat(dir.resolve("copy.sqlite")).doesNotExist();
    }
}
