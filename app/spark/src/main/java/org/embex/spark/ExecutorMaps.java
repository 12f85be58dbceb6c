package org.embex.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.embex.usecase.SampledMap;

/**
 * The placer each executor places with, made once per map and shared by its tasks: it builds a
 * search over the sample, which takes longer than placing a few thousand rows.
 */
final class ExecutorMaps {

    private static final Map<SampledMap, SampledMap.Placer> OPEN = new ConcurrentHashMap<>();

    private ExecutorMaps() {
    }

    static SampledMap.Placer placer(SampledMap map) {
        return OPEN.computeIfAbsent(map, SampledMap::placer);
    }
}
