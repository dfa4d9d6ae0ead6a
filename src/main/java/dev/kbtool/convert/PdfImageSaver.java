package dev.kbtool.convert;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes the useful images of one PDF into the images folder. Small, thin or mask images are
 * decorations (bullets, rules, logos drawn as stencils); an image drawn again (a logo on every
 * page) is written and referenced only the first time. One instance per conversion.
 */
final class PdfImageSaver {
    static final int MIN_PIXELS = 32;
    /** Displayed smaller than this (points) it is an ornament, whatever its resolution. */
    private static final float MIN_DISPLAY = 24;
    private static final float MAX_ASPECT = 20;
    /** Decoding bigger images could take hundreds of MB of heap; they are left out. */
    private static final long MAX_DECODED_PIXELS = 25_000_000L;

    private final Path dir;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> written = new ArrayList<>();
    private int page;
    private int onPage;

    PdfImageSaver(Path dir) {
        this.dir = dir;
    }

    List<String> written() {
        return written;
    }

    /** Writes the image if it is worth keeping; returns its file name, or null when it was skipped. */
    String save(PDImageXObject image, int pageNumber, float displayWidth, float displayHeight) {
        if (!seen.add(image.getCOSObject())) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.isStencil() || w < MIN_PIXELS || h < MIN_PIXELS
                || displayWidth < MIN_DISPLAY || displayHeight < MIN_DISPLAY
                || Math.max(displayWidth / displayHeight, displayHeight / displayWidth) > MAX_ASPECT) {
            return null;
        }
        if (pageNumber != page) {
            page = pageNumber;
            onPage = 0;
        }
        try {
            Files.createDirectories(dir);
            String base = "p" + pageNumber + "_img" + (onPage + 1);
            String file = writeRawJpeg(image, base);
            if (file == null) {
                file = writePng(image, base, (long) w * h);
            }
            if (file != null) {
                onPage++;
                written.add(file);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            // An undecodable image is left out; the text matters more.
            return null;
        }
    }

    /** JPEGs in a plain colour space are copied as they are: no decoding, no quality loss. */
    private String writeRawJpeg(PDImageXObject image, String base) throws IOException {
        if (!"jpg".equals(image.getSuffix()) || image.getDecode() != null) {
            return null;
        }
        PDColorSpace cs = image.getColorSpace();
        if (!(cs instanceof PDDeviceRGB || cs instanceof PDDeviceGray)) {
            return null;
        }
        String file = base + ".jpg";
        try (InputStream in = image.getStream().createInputStream(List.of(COSName.DCT_DECODE.getName()));
             OutputStream out = Files.newOutputStream(dir.resolve(file))) {
            in.transferTo(out);
        }
        return file;
    }

    private String writePng(PDImageXObject image, String base, long pixels) throws IOException {
        if (pixels > MAX_DECODED_PIXELS) {
            return null;
        }
        BufferedImage decoded = image.getImage();
        if (decoded == null) {
            return null;
        }
        String file = base + ".png";
        boolean written;
        try (OutputStream out = Files.newOutputStream(dir.resolve(file))) {
            written = ImageIO.write(decoded, "png", out);
        }
        if (!written) {
            Files.deleteIfExists(dir.resolve(file));
            return null;
        }
        return file;
    }
}
