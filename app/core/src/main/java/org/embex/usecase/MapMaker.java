package org.embex.usecase;

import java.util.Optional;

import org.embex.cache.LayoutKey;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.layout.PrincipalComponents;
import org.embex.layout.Tsne;
import org.embex.layout.TsneParams;
import org.embex.layout.Umap;
import org.embex.layout.UmapParams;

/**
 * Makes a corpus's map, or reads it back: layouts are kept in the vector cache under the same key
 * the {@code project} command uses, so a map made once on either side opens at once on both.
 */
public final class MapMaker {

    private final Workbench workbench;
    private final UmapParams umap;
    private final TsneParams tsne;

    public MapMaker(Workbench workbench, long seed) {
        this.workbench = workbench;
        this.umap = UmapParams.defaults().withSeed(seed);
        this.tsne = TsneParams.defaults().withSeed(seed);
    }

    /** The first view, in well under a second for tens of thousands of points. */
    public Layout quick(EmbeddedCorpus corpus) {
        return PrincipalComponents.project(corpus.vectors(), umap.seed());
    }

    public Optional<Layout> cached(EmbeddedCorpus corpus, MapMethod method) {
        return workbench.cache().layout(key(corpus, method));
    }

    /** Computes (or reads back) the layout, handing intermediate layouts to {@code watch}. */
    public Layout make(EmbeddedCorpus corpus, MapMethod method, LayoutWatch watch) {
        LayoutKey key = key(corpus, method);
        Optional<Layout> cached = workbench.cache().layout(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Layout layout;
        if (method == MapMethod.PCA || corpus.size() <= umap.neighbors()) {
            layout = quick(corpus);
        } else if (method == MapMethod.TSNE) {
            layout = Tsne.layout(corpus.vectors(), tsne, watch);
        } else {
            layout = Umap.layout(corpus.vectors(), Umap.neighbourGraph(corpus.matrix(), umap, watch.checkpoints()), umap, watch);
        }
        workbench.cache().storeLayout(key, layout);
        return layout;
    }

    private LayoutKey key(EmbeddedCorpus corpus, MapMethod method) {
        return LayoutKey.of(workbench.cache().sha256(corpus.spec().file()), corpus.spec().describe(), corpus.fingerprint(),
                method.key(), umap, tsne);
    }
}
