package io.github.camelpreservica.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The assets and folders the entity and thumbnail APIs answer for. */
final class AssetCatalog {

    private final Map<String, SimulatedAsset> assets = new ConcurrentHashMap<>();
    private final List<String> assetOrder = new CopyOnWriteArrayList<>();
    private final Map<String, SimulatedFolder> folders = new ConcurrentHashMap<>();

    /** Adds or replaces (same ref) an asset. */
    void add(SimulatedAsset asset) {
        if (assets.put(asset.ref(), asset) == null) {
            assetOrder.add(asset.ref());
        }
    }

    void add(SimulatedFolder folder) {
        folders.put(folder.ref(), folder);
    }

    /** Removes the asset or folder with this ref, as a deletion in Preservica does. */
    void remove(String ref) {
        if (assets.remove(ref) != null) {
            assetOrder.remove(ref);
        }
        folders.remove(ref);
    }

    List<SimulatedFolder> folders() {
        return List.copyOf(folders.values());
    }

    SimulatedAsset asset(String ref) {
        return ref == null ? null : assets.get(ref);
    }

    SimulatedFolder folder(String ref) {
        return ref == null ? null : folders.get(ref);
    }

    List<SimulatedAsset> assets() {
        List<SimulatedAsset> result = new ArrayList<>();
        assetOrder.forEach(ref -> result.add(assets.get(ref)));
        return result;
    }
}
