package org.embex.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2.E5SmallV2EmbeddingModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.embex.model.ModelFolder;
import org.embex.model.Role;
import org.embex.model.TestModels;
import org.embex.vectors.Metric;

/**
 * embex's vectors against LangChain4j's in-process models, an independent implementation of the
 * same ONNX graphs, on texts of every kind the app will meet.
 */
@Tag("model")
class LangChain4jReferenceTest {

    private static final double MIN_COSINE = 0.99999;

    /** LangChain4j cuts all-MiniLM-L6-v2 where its tokenizer.json says, and embeds 510-token chunks otherwise. */
    private static final Map<String, Integer> REFERENCE_CUT = Map.of(
            "all-minilm-l6-v2", 128,
            "bge-small-en-v1.5", 512,
            "bge-small-zh-v1.5", 512,
            "e5-small-v2", 512);

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("all-minilm-l6-v2", (Supplier<EmbeddingModel>) AllMiniLmL6V2EmbeddingModel::new),
                Arguments.of("bge-small-en-v1.5", (Supplier<EmbeddingModel>) BgeSmallEnV15EmbeddingModel::new),
                Arguments.of("bge-small-zh-v1.5", (Supplier<EmbeddingModel>) BgeSmallZhV15EmbeddingModel::new),
                Arguments.of("e5-small-v2", (Supplier<EmbeddingModel>) E5SmallV2EmbeddingModel::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void vectorsMatchLangChain4jOnVariedTexts(String id, Supplier<EmbeddingModel> reference) {
        ModelFolder model = TestModels.installed(id);
        List<String> texts = ReferenceTexts.all();
        assertThat(texts).hasSizeGreaterThanOrEqualTo(100);
        EmbeddingModel lc4j = reference.get();
        String prefix = model.descriptor().prefixes().text();
        try (Embedder embedder = Embedder.open(model)) {
            List<Embedding> ours = embedder.embed(texts, Role.TEXT);
            List<TextSegment> segments = texts.stream().map(text -> TextSegment.from(prefix + text)).toList();
            List<dev.langchain4j.data.embedding.Embedding> theirs = lc4j.embedAll(segments).content();
            double worst = 1;
            String worstText = null;
            for (int i = 0; i < texts.size(); i++) {
                assertThat(ours.get(i).vector()).hasSize(model.descriptor().dims());
                double cosine = Metric.cosine(ours.get(i).vector(), theirs.get(i).vector());
                if (cosine < worst) {
                    worst = cosine;
                    worstText = texts.get(i);
                }
            }
            assertThat(worst).as("lowest cosine, on %s", worstText).isGreaterThanOrEqualTo(MIN_COSINE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void longTextIsCutWhereTheReferenceCutsIt(String id, Supplier<EmbeddingModel> reference) throws Exception {
        ModelFolder model = TestModels.installed(id);
        String text = model.descriptor().prefixes().text() + ReferenceTexts.longText();
        int cut = wordBoundaryCut(model.tokenizerFile(), text, Math.min(model.descriptor().maxTokens(), REFERENCE_CUT.get(id)));
        String fitting = prefixOfTokens(model.tokenizerFile(), text, cut - 2);

        try (Embedder embedder = Embedder.open(model.withDescriptor(model.descriptor().withMaxTokens(cut)))) {
            Embedding ours = embedder.embed(ReferenceTexts.longText(), Role.TEXT);
            float[] theirs = reference.get().embed(fitting).content().vector();
            assertThat(ours.truncated()).isTrue();
            assertThat(ours.tokens()).isEqualTo(cut);
            assertThat(Metric.cosine(ours.vector(), theirs)).isGreaterThanOrEqualTo(MIN_COSINE);
        }
    }

    /** The largest cut no longer than {@code max} that does not split a word into pieces. */
    private static int wordBoundaryCut(Path tokenizerFile, String text, int max) throws Exception {
        String[] tokens = encodeWhole(tokenizerFile, text).getTokens();
        int kept = max - 2;
        while (kept > 0 && tokens[kept].startsWith("##")) {
            kept--;
        }
        return kept + 2;
    }

    private static String prefixOfTokens(Path tokenizerFile, String text, int tokens) throws Exception {
        Encoding encoding = encodeWhole(tokenizerFile, text);
        return text.substring(0, encoding.getCharTokenSpans()[tokens - 1].getEnd());
    }

    private static Encoding encodeWhole(Path tokenizerFile, String text) throws Exception {
        DjlOffline.ensure();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerFile)
                .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build()) {
            return tokenizer.encode(text, false, false);
        }
    }
}
