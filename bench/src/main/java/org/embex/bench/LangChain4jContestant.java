package org.embex.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2.E5SmallV2EmbeddingModel;

import org.embex.BadInputException;
import org.embex.model.ModelDescriptor;
import org.embex.model.Role;

/**
 * LangChain4j's in-process twin of a catalogue model, through {@code embedAll}: the way a Java
 * developer embeds locally today, and what embex has to beat.
 */
final class LangChain4jContestant implements Contestant {

    /** Only the twins the bench module depends on; each jar carries a 90 MB model. */
    private static final Map<String, Supplier<EmbeddingModel>> TWINS = Map.of(
            "all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new,
            "bge-small-zh-v1.5", BgeSmallZhV15EmbeddingModel::new,
            "bge-small-en-v1.5", BgeSmallEnV15EmbeddingModel::new,
            "e5-small-v2", E5SmallV2EmbeddingModel::new);

    private final EmbeddingModel model;
    private final ModelDescriptor descriptor;

    private LangChain4jContestant(EmbeddingModel model, ModelDescriptor descriptor) {
        this.model = model;
        this.descriptor = descriptor;
    }

    static LangChain4jContestant twinOf(ModelDescriptor descriptor) {
        Supplier<EmbeddingModel> twin = TWINS.get(descriptor.id());
        if (twin == null) {
            throw new BadInputException("no LangChain4j model for '" + descriptor.id() + "' in the bench module; "
                    + "models with one: " + String.join(", ", new TreeSet<>(TWINS.keySet())));
        }
        return new LangChain4jContestant(twin.get(), descriptor);
    }

    @Override
    public String name() {
        return "langchain4j";
    }

    @Override
    public String label() {
        return "LangChain4j embedAll";
    }

    @Override
    public Pass prepare(List<String> texts) {
        // LangChain4j adds no prefixes itself; give it the text embex's model would read.
        List<TextSegment> segments = texts.stream()
                .map(text -> TextSegment.from(descriptor.prefixes().apply(Role.TEXT, text)))
                .toList();
        return () -> model.embedAll(segments);
    }
}
