package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** Version, user details, information and structural objects, and thumbnails. */
final class EntityEndpoints {

    private static final String XML = "application/xml;charset=UTF-8";
    private static final String ASSETS = "/api/entity/information-objects/";
    private static final String FOLDERS = "/api/entity/structural-objects/";

    private final AssetCatalog catalog;
    private final EntityXml xml;
    private final ChangeQueryEndpoints changes;

    EntityEndpoints(AssetCatalog catalog, EntityXml xml, ChangeQueryEndpoints changes) {
        this.catalog = catalog;
        this.xml = xml;
        this.changes = changes;
    }

    void handle(HttpExchange exchange, String method, String path, SimulatedUser user) throws IOException {
        if (!"GET".equals(method)) {
            HttpExchanges.sendError(exchange, 404, "No such endpoint: " + method + " " + path);
        } else if (changes.handles(path)) {
            changes.handle(exchange, path);
        } else if (path.equals("/api/entity/versiondetails/version")) {
            HttpExchanges.send(exchange, 200, XML, xml.versionDetails());
        } else if (path.equals("/api/user/details")) {
            HttpExchanges.sendJson(exchange, 200, userDetails(user));
        } else if (path.startsWith(ASSETS) && path.indexOf('/', ASSETS.length()) < 0) {
            SimulatedAsset asset = catalog.asset(path.substring(ASSETS.length()));
            if (asset == null) {
                HttpExchanges.sendError(exchange, 404, "No asset with reference " + path.substring(ASSETS.length()));
            } else {
                HttpExchanges.send(exchange, 200, XML, xml.informationObject(asset));
            }
        } else if (path.startsWith(FOLDERS) && path.indexOf('/', FOLDERS.length()) < 0) {
            SimulatedFolder folder = catalog.folder(path.substring(FOLDERS.length()));
            if (folder == null) {
                HttpExchanges.sendError(exchange, 404, "No folder with reference " + path.substring(FOLDERS.length()));
            } else {
                HttpExchanges.send(exchange, 200, XML, xml.structuralObject(folder));
            }
        } else if (path.equals("/api/content/thumbnail")) {
            thumbnail(exchange, HttpExchanges.parseForm(exchange.getRequestURI().getRawQuery()));
        } else {
            HttpExchanges.sendError(exchange, 404, "No such endpoint: " + method + " " + path);
        }
    }

    private void thumbnail(HttpExchange exchange, Map<String, String> query) throws IOException {
        String id = query.getOrDefault("id", "");
        String size = query.getOrDefault("size", "medium");
        if (!SimulatedAsset.THUMBNAIL_SIZES.contains(size)) {
            HttpExchanges.sendError(exchange, 400, "Unknown thumbnail size '" + size + "': small, medium or large");
            return;
        }
        SimulatedAsset asset = id.startsWith("sdb:IO|") ? catalog.asset(id.substring("sdb:IO|".length())) : null;
        byte[] image = asset == null ? null : asset.thumbnail(size);
        if (image == null) {
            HttpExchanges.sendError(exchange, 404, "No thumbnail for '" + id + "'");
            return;
        }
        HttpExchanges.send(exchange, 200, asset.thumbnailContentType(), image);
    }

    private static ObjectNode userDetails(SimulatedUser user) {
        ObjectNode details = HttpExchanges.JSON.createObjectNode();
        details.put("userName", user.userName());
        details.put("fullName", user.userName());
        details.put("email", user.userName() + "@example.invalid");
        details.put("tenant", user.tenant());
        user.roles().forEach(details.putArray("roles")::add);
        return details;
    }
}
