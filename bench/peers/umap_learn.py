"""umap-learn (Debian's umap-learn package) on a float32 .npy matrix: umap_learn.py IN.npy OUT.npy SEED.

Prints {"seconds": ...} for the fit alone, after a fit of 2,000 rows that compiles numba's code
(its first call compiles for tens of seconds, which no second run pays). Parameters are umap-learn's
defaults, which embex shares (15 neighbours, min_dist 0.1, cosine, its own epochs: 200 above
10,000 rows) but for the spectral start and the repulsion (1 here, 2 in embex: decision record 0021); two threads, as the machine has. With random_state set,
umap-learn runs its optimisation on one thread; without it, in parallel: the seed is passed
only when asked, so that the default is the peer's fastest run.
"""
import json
import os
import sys
import time

import numpy as np

os.environ.setdefault("NUMBA_NUM_THREADS", "2")
import umap  # noqa: E402

source, target, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
deterministic = len(sys.argv) > 4 and sys.argv[4] == "--deterministic"
data = np.load(source)


def fit(rows):
    model = umap.UMAP(n_neighbors=15, min_dist=0.1, metric="cosine", n_components=2,
                      random_state=seed if deterministic else None, n_jobs=2)
    return model.fit_transform(rows)


fit(data[:2000])
started = time.perf_counter()
embedding = fit(data)
seconds = time.perf_counter() - started
np.save(target, embedding.astype(np.float32))
print(json.dumps({"seconds": seconds}))
