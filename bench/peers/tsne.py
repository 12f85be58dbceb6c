"""scikit-learn's Barnes-Hut t-SNE on a float32 .npy matrix: tsne.py IN.npy OUT.npy SEED.

Prints {"seconds": ...} for the fit alone. Parameters match embex's defaults: perplexity 30,
PCA start, cosine metric, 250 early-exaggeration iterations of factor 12 and 500 more
(scikit-learn counts both: 750), and the same step: embex's learning rate max(200, n/12) is in
openTSNE's units, whose gradient lacks the factor 4 that scikit-learn's keeps, so scikit-learn
gets a quarter of it, max(50, n/48), which is also its own 'auto'.
"""
import json
import sys
import time

import numpy as np
from sklearn.manifold import TSNE

source, target, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = np.load(source)
model = TSNE(n_components=2, perplexity=30.0, early_exaggeration=12.0,
             learning_rate=max(200.0, data.shape[0] / 12.0) / 4, n_iter=750, init="pca",
             method="barnes_hut", angle=0.5, metric="cosine", random_state=seed)
started = time.perf_counter()
embedding = model.fit_transform(data)
seconds = time.perf_counter() - started
np.save(target, embedding.astype(np.float32))
print(json.dumps({"seconds": seconds}))
