package org.embex.usecase;

import org.embex.compare.Procrustes;
import org.embex.layout.Layout;
import org.embex.layout.LayoutWatch;
import org.embex.progress.CancellationToken;
import org.embex.progress.ProgressListener;

/**
 * Two models' layouts of one corpus, ready to be shown side by side: the second turned onto the
 * first (Procrustes) so that the same texts sit in similar places.
 */
public record SideBySide(ModelPair pair, Layout firstLayout, Layout secondLayout) {

    /** Lays out the second model's vectors with {@code method} (or reads it back) and aligns it to {@code firstLayout}. */
    public static SideBySide of(Workspace workspace, ModelPair pair, Layout firstLayout, LayoutMethod method,
                                CancellationToken cancellation) {
        Layout second = Layouts.defaults(workspace).make(pair.second(), method,
                new LayoutWatch(ProgressListener.NONE, cancellation, layout -> { }, Integer.MAX_VALUE)).layout();
        return new SideBySide(pair, firstLayout, Procrustes.align(firstLayout, second));
    }
}
