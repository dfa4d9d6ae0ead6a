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
    /**
     * Longest side of a stored PNG: a figure reads well at this size on any screen. A bigger image
     * is subsampled while it is decoded, so a 6803 x 2323 scan costs a sixteenth of its pixels
     * in colour conversion and PNG encoding (it took 2.8 s of a 13-page thesis, issue 22).
     */
    static final int MAX_SIDE = 2048;

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
                file = writePng(image, base, w, h);
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

    private String writePng(PDImageXObject image, String base, int w, int h) throws IOException {
        if ((long) w * h > MAX_DECODED_PIXELS) {
            return null;
        }
        BufferedImage decoded = decode(image, subsampling(w, h));
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

    /** Every n-th pixel of every n-th row, n the smallest that brings the longest side within MAX_SIDE. */
    static int subsampling(int w, int h) {
        int longest = Math.max(w, h);
        return Math.max(1, (longest + MAX_SIDE - 1) / MAX_SIDE);
    }

    /**
     * The image as a reader sees it on the page. A soft mask (transparency) is decoded at the
     * resolution kept and the image laid on white, as the page shows it: an opaque PNG, where
     * PDFBox's own {@code getImage} decodes image and mask at full size and makes them one
     * ARGB image. Hard masks and colour keys are rare and small; PDFBox applies them.
     */
    private static BufferedImage decode(PDImageXObject image, int step) throws IOException {
        PDImageXObject softMask = image.getSoftMask();
        if (image.getMask() != null || image.getColorKeyMask() != null) {
            return image.getImage(null, step);
        }
        BufferedImage opaque = image.getOpaqueImage(null, step);
        if (softMask == null || opaque == null) {
            return opaque;
        }
        int maskStep = Math.max(1, Math.round((float) softMask.getWidth() / opaque.getWidth()));
        BufferedImage alpha = softMask.getOpaqueImage(null, maskStep);
        return alpha == null ? opaque : onWhite(opaque, alpha);
    }

    private static BufferedImage onWhite(BufferedImage image, BufferedImage alpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        int aw = alpha.getWidth();
        int ah = alpha.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        int[] alphaRow = new int[aw];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            alpha.getRGB(0, (int) ((long) y * ah / h), aw, 1, alphaRow, 0, aw);
            for (int x = 0; x < w; x++) {
                int a = alphaRow[(int) ((long) x * aw / w)] & 0xff;
                int rgb = row[x];
                row[x] = blend(rgb >> 16 & 0xff, a) << 16 | blend(rgb >> 8 & 0xff, a) << 8 | blend(rgb & 0xff, a);
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /** A channel of a pixel with coverage {@code a} (0-255) over white. */
    private static int blend(int channel, int a) {
        return (channel * a + 255 * (255 - a) + 127) / 255;
    }
}
