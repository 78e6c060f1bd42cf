package io.github.camelpreservica.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The catalogue as something that changes: each call changes an entity (the entity API then answers with its new
 * state), writes the change to the change log the REST change queries answer from, and, when asked to, fires the
 * webhook Preservica fires for it. A title edit and a deletion fire none, as in Preservica. Also holds the settings
 * that make sync code fail: a page size cap, a REST lag, and changes landing while a client pages.
 */
public final class SimulatedCatalogue {

    private final PreservicaSimulator simulator;
    private final AssetCatalog catalog;
    private final ChangeLog log;
    private final String user;
    private final Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
    private final List<PageHook> hooks = new ArrayList<>();
    private volatile int maxPageSize;
    private int updatedSincePagesServed;

    private record PageHook(int afterPage, Runnable change) {
    }

    SimulatedCatalogue(PreservicaSimulator simulator, AssetCatalog catalog, ChangeLog log, String user) {
        this.simulator = simulator;
        this.catalog = catalog;
        this.log = log;
        this.user = user;
    }

    /**
     * Creates an entity (event {@code Ingest}).
     *
     * @param type {@code IO} or {@code SO}
     * @param ref the reference, or null for a new UUID
     * @param fire whether to deliver {@code FULL_TEXT_INDEXED} (assets only)
     */
    public CatalogueEntry create(String type, String ref, String title, String parent, boolean fire) {
        String kind = entityType(type);
        if (fire && !"IO".equals(kind)) {
            throw new IllegalArgumentException("Preservica fires no webhook for a new folder: send \"fire\": false");
        }
        String newRef = ref == null || ref.isBlank() ? UUID.randomUUID().toString() : ref;
        CatalogueEntry changed;
        synchronized (this) {
            if (find(newRef) != null) {
                throw new IllegalArgumentException("An entity with reference " + newRef + " exists already");
            }
            changed = apply(new CatalogueEntry(newRef, kind, title, null, parent, "open", true, false), "Ingest",
                    "command_create");
        }
        return fired(changed, fire ? Trigger.INDEXED : null);
    }

    /**
     * Changes title and description (null keeps the old value; event {@code Modified}). A title edit alone fires no
     * webhook; with {@code fire}, a changed asset description is re-indexed ({@code FULL_TEXT_INDEXED}).
     */
    public CatalogueEntry modify(String ref, String title, String description, boolean fire) {
        CatalogueEntry changed;
        synchronized (this) {
            CatalogueEntry old = existing(ref);
            String newDescription = description == null ? old.description() : description;
            if (fire && (!"IO".equals(old.type()) || Objects.equals(newDescription, old.description()))) {
                throw new IllegalArgumentException("Preservica fires no webhook for a title edit or a folder's"
                        + " change: send \"fire\": false, or change an asset's description");
            }
            changed = apply(old.withTitleAndDescription(title == null ? old.title() : title, newDescription),
                    "Modified", "UpdateEntity");
        }
        return fired(changed, fire ? Trigger.INDEXED : null);
    }

    /** Moves an entity to another parent folder (event {@code Moved}; webhook {@code MOVED}). */
    public CatalogueEntry move(String ref, String newParent, boolean fire) {
        CatalogueEntry changed;
        synchronized (this) {
            changed = apply(existing(ref).withParent(newParent), "Moved", "Moved");
        }
        return fired(changed, fire ? Trigger.MOVED : null);
    }

    /** Changes the security tag (event {@code Modified}, a guess; webhook {@code CHANGED_SECURITY_DESCRIPTOR}). */
    public CatalogueEntry changeSecurity(String ref, String securityTag, boolean fire) {
        Objects.requireNonNull(securityTag, "securityTag");
        CatalogueEntry changed;
        synchronized (this) {
            changed = apply(existing(ref).withSecurityTag(securityTag), "Modified", "ChangeSecurityTag");
        }
        return fired(changed, fire ? Trigger.SECURITY_CHANGED : null);
    }

    /** Shows or hides an asset (event {@code Modified}, a guess; webhook {@code CHANGE_ASSET_VISIBILITY}). */
    public CatalogueEntry changeVisibility(String ref, boolean visible, boolean fire) {
        CatalogueEntry changed;
        synchronized (this) {
            CatalogueEntry old = existing(ref);
            if (!"IO".equals(old.type())) {
                throw new IllegalArgumentException("Only an asset (IO) has a visibility; " + ref + " is a folder");
            }
            changed = apply(old.withVisible(visible), "Modified", "ChangeAssetVisibility");
        }
        return fired(changed, fire ? Trigger.CHANGE_ASSET_VISIBILITY : null);
    }

    /** Deletes an entity (event {@code Delete}): its GET answers 404, updated-since lists it as deleted. No webhook. */
    public CatalogueEntry delete(String ref) {
        CatalogueEntry changed;
        synchronized (this) {
            changed = apply(existing(ref).asDeleted(), "Delete", "command_delete");
        }
        return fired(changed, null);
    }

    /** Every entity, deleted ones included (flagged), in the order they were first seen. */
    public synchronized List<CatalogueEntry> entries() {
        Map<String, CatalogueEntry> all = new LinkedHashMap<>();
        catalog.folders().forEach(f -> all.put(f.ref(), fromFolder(f)));
        catalog.assets().forEach(a -> all.put(a.ref(), fromAsset(a)));
        entries.forEach((ref, entry) -> all.merge(ref, entry, (fromCatalog, known) -> known));
        return List.copyOf(all.values());
    }

    /** The entity, deleted or not, or null when there never was one with this reference. */
    public synchronized CatalogueEntry entry(String ref) {
        return find(ref);
    }

    /**
     * Dates the next change at this instant instead of now, e.g. exactly at a consumer's checkpoint, to test the
     * edges of a window. It is listed as changed at that instant from then on.
     */
    public void nextChangeAt(Instant at) {
        log.nextChangeAt(Objects.requireNonNull(at, "at"));
    }

    /** How many changes the change log holds. */
    public int changeCount() {
        return log.size();
    }

    /** A change shows in the REST change queries only this long after it happened; default zero. */
    public void restLag(Duration lag) {
        log.restLag(lag);
    }

    /** Answers at most this many items per page of a change query, whatever {@code max} asks; 0 (default): no cap. */
    public void maxPageSize(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxPageSize must be 0 (no cap) or positive, got " + max);
        }
        this.maxPageSize = max;
    }

    /**
     * Runs {@code change} once the {@code page}-th page of updated-since from now on has been read from the log
     * (before it is sent), so the change lands between that page and the next one.
     */
    public synchronized void afterUpdatedSincePage(int page, Runnable change) {
        if (page < 1) {
            throw new IllegalArgumentException("afterUpdatedSincePage needs a page number from 1, got " + page);
        }
        hooks.add(new PageHook(updatedSincePagesServed + page, Objects.requireNonNull(change, "change")));
    }

    // ---- for the endpoints

    int pageSize(int asked) {
        int cap = maxPageSize;
        return cap > 0 ? Math.min(cap, asked) : asked;
    }

    ChangeLog log() {
        return log;
    }

    /** Called once a page of updated-since has been read: runs the hooks that were waiting for it. */
    void updatedSincePageRead() {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            updatedSincePagesServed++;
            hooks.removeIf(hook -> {
                if (hook.afterPage() <= updatedSincePagesServed) {
                    due.add(hook.change());
                    return true;
                }
                return false;
            });
        }
        due.forEach(Runnable::run);
    }

    synchronized void clearSettings() {
        hooks.clear();
        maxPageSize = 0;
        log.restLag(Duration.ZERO);
    }

    // ---- inside

    private CatalogueEntry apply(CatalogueEntry changed, String eventType, String commandType) {
        entries.put(changed.ref(), changed);
        if (changed.deleted()) {
            catalog.remove(changed.ref());
        } else if ("IO".equals(changed.type())) {
            SimulatedAsset asset = catalog.asset(changed.ref());
            catalog.add(asset == null
                    ? new SimulatedAsset(changed.ref(), changed.title(), changed.description(), changed.securityTag(),
                            changed.parent(), null, null)
                    : asset.withDetails(changed.title(), changed.description(), changed.securityTag(),
                            changed.parent()));
        } else {
            catalog.add(new SimulatedFolder(changed.ref(), changed.title(), changed.description(),
                    changed.securityTag(), changed.parent()));
        }
        log.record(eventType, commandType, user, changed);
        return changed;
    }

    /** Delivers the webhook of a change, outside the lock: a slow receiver must not hold up other changes. */
    private CatalogueEntry fired(CatalogueEntry changed, Trigger trigger) {
        if (trigger != null) {
            simulator.fire(FireRequest.trigger(trigger).event(changed.type(), changed.ref()).build());
        }
        return changed;
    }

    private CatalogueEntry existing(String ref) {
        CatalogueEntry entry = find(ref);
        if (entry == null || entry.deleted()) {
            throw new IllegalArgumentException("No entity with reference " + ref + (entry == null ? "" : " (deleted)"));
        }
        return entry;
    }

    private CatalogueEntry find(String ref) {
        if (ref == null) {
            return null;
        }
        CatalogueEntry known = entries.get(ref);
        if (known != null) {
            return known;
        }
        SimulatedAsset asset = catalog.asset(ref);
        if (asset != null) {
            return fromAsset(asset);
        }
        SimulatedFolder folder = catalog.folder(ref);
        return folder == null ? null : fromFolder(folder);
    }

    private static CatalogueEntry fromAsset(SimulatedAsset asset) {
        return new CatalogueEntry(asset.ref(), "IO", asset.title(), asset.description(), asset.parentRef(),
                asset.securityTag(), true, false);
    }

    private static CatalogueEntry fromFolder(SimulatedFolder folder) {
        return new CatalogueEntry(folder.ref(), "SO", folder.title(), folder.description(), folder.parentRef(),
                folder.securityTag(), true, false);
    }

    private static String entityType(String type) {
        String upper = type == null ? "" : type.trim().toUpperCase(java.util.Locale.ROOT);
        if (!upper.equals("IO") && !upper.equals("SO")) {
            throw new IllegalArgumentException("Entity type must be IO (asset) or SO (folder), got '" + type + "'");
        }
        return upper;
    }
}
