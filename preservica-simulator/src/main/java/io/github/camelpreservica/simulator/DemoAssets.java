package io.github.camelpreservica.simulator;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * The fixed demo content: one folder and four assets with stable references, three of them with small PNG
 * thumbnails drawn at startup (a different image per size), one without a thumbnail.
 */
public final class DemoAssets {

    public static final String FOLDER_REF = "f0a8d3b2-2c47-4e19-b6d5-9e1c3a7f0b24";
    /** The reference of Preservica's published sample delivery. */
    public static final String HARBOUR_REF = "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2";
    public static final String LETTER_REF = "3c5a0f2e-8b1d-4e6a-9f47-2d1c6b8e5a10";
    public static final String TOWN_PLAN_REF = "d5e9b0c4-6f2a-4b8e-8c31-7a4f2e9d1b63";
    /** An asset without a thumbnail: its thumbnail request answers 404. */
    public static final String INTERVIEW_REF = "0e7c1f5a-94b3-4d2e-a8f6-5b3d9c2e7a41";

    /** The assets that have thumbnails, the ones demo events are fired for. */
    public static final List<String> WITH_THUMBNAILS = List.of(HARBOUR_REF, LETTER_REF, TOWN_PLAN_REF);

    private static final Map<String, Integer> PIXELS_BY_SIZE = Map.of("small", 32, "medium", 64, "large", 128);

    private DemoAssets() {
    }

    static SimulatedFolder folder() {
        return new SimulatedFolder(FOLDER_REF, "Demo collection", "Sample content of the Preservica simulator",
                "open", null);
    }

    static List<SimulatedAsset> assets() {
        return List.of(
                withThumbnails(HARBOUR_REF, "Harbour at dawn", "Photograph of the harbour, glass plate negative",
                        new Color(0x1f4e79), new Color(0xf4b183)),
                withThumbnails(LETTER_REF, "Letter from the harbour master, 1912", "Two-page handwritten letter",
                        new Color(0x7f6000), new Color(0xfff2cc)),
                withThumbnails(TOWN_PLAN_REF, "Town plan, 1890", "Surveyed plan of the town centre",
                        new Color(0x375623), new Color(0xc5e0b4)),
                new SimulatedAsset(INTERVIEW_REF, "Oral history interview", "Audio recording, no thumbnail",
                        "open", FOLDER_REF, null, null));
    }

    private static SimulatedAsset withThumbnails(String ref, String title, String description, Color from, Color to) {
        Map<String, byte[]> bySize = new LinkedHashMap<>();
        for (String size : SimulatedAsset.THUMBNAIL_SIZES) {
            bySize.put(size, png(PIXELS_BY_SIZE.get(size), from, to));
        }
        return SimulatedAsset.withThumbnailsBySize(ref, title, description, "open", FOLDER_REF, bySize, "image/png");
    }

    private static byte[] png(int pixels, Color from, Color to) {
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setPaint(new GradientPaint(0, 0, from, pixels, pixels, to));
            graphics.fillRect(0, 0, pixels, pixels);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw a demo thumbnail", e);
        }
        return out.toByteArray();
    }
}
