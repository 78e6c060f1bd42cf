package io.github.camelpreservica.examples.cataloguesync;

import java.util.List;
import java.util.Random;

import io.github.camelpreservica.simulator.CatalogueEntry;
import io.github.camelpreservica.simulator.SimulatedCatalogue;

/**
 * A seeded random sequence of what curators do in Preservica: creations of assets and folders, title and
 * description edits, moves, security and visibility changes, deletions; each with or without its webhook as
 * Preservica would (a title edit, a new folder and a deletion fire none). Every title is new, so a stale one shows.
 */
final class RandomChanges {

    private static final List<String> SECURITY_TAGS = List.of("open", "closed", "restricted");

    private final SimulatedCatalogue catalogue;
    private final Random random;
    private int step;

    RandomChanges(SimulatedCatalogue catalogue, Random random) {
        this.catalogue = catalogue;
        this.random = random;
    }

    void make(int changes) {
        for (int i = 0; i < changes; i++) {
            makeOne();
        }
    }

    private void makeOne() {
        step++;
        List<CatalogueEntry> live = catalogue.entries().stream().filter(entry -> !entry.deleted()).toList();
        List<CatalogueEntry> folders = live.stream().filter(entry -> entry.type().equals("SO")).toList();
        List<CatalogueEntry> assets = live.stream().filter(entry -> entry.type().equals("IO")).toList();
        int dice = random.nextInt(100);
        if (folders.isEmpty() || dice < 12) {
            catalogue.create("SO", null, "Folder " + step, parent(folders), false);
        } else if (assets.size() < 3 || dice < 35) {
            catalogue.create("IO", null, "Asset " + step, parent(folders), random.nextBoolean());
        } else if (dice < 50) {
            CatalogueEntry entry = pick(live);
            catalogue.modify(entry.ref(), entry.title().replaceAll(" \\(edit \\d+\\)$", "") + " (edit " + step + ")",
                    null, false);
        } else if (dice < 58) {
            catalogue.modify(pick(assets).ref(), null, "Description " + step, random.nextBoolean());
        } else if (dice < 70) {
            CatalogueEntry entry = pick(live);
            List<CatalogueEntry> otherFolders = folders.stream().filter(f -> !f.ref().equals(entry.ref())).toList();
            if (!otherFolders.isEmpty()) {
                catalogue.move(entry.ref(), pick(otherFolders).ref(), random.nextBoolean());
            }
        } else if (dice < 82) {
            catalogue.changeSecurity(pick(live).ref(), SECURITY_TAGS.get(random.nextInt(SECURITY_TAGS.size())),
                    random.nextBoolean());
        } else if (dice < 88) {
            catalogue.changeVisibility(pick(assets).ref(), random.nextBoolean(), random.nextBoolean());
        } else {
            catalogue.delete(pick(live).ref());
        }
    }

    /** A random folder's reference, or null (a top-level entity) one time in four. */
    private String parent(List<CatalogueEntry> folders) {
        return folders.isEmpty() || random.nextInt(4) == 0 ? null : pick(folders).ref();
    }

    private CatalogueEntry pick(List<CatalogueEntry> entries) {
        return entries.get(random.nextInt(entries.size()));
    }
}
