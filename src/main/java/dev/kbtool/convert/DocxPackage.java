package dev.kbtool.convert;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A DOCX file opened as a zip, with guards: a cap on the number of entries and on the bytes
 * inflated (per part and in total), so a zip bomb fails instead of filling memory or disk; and
 * XML parsing without DTDs or external entities (no XXE).
 */
final class DocxPackage implements AutoCloseable {
    private static final int MAX_ENTRIES = 10_000;
    /*
     * What one part and the whole package may inflate to: at most 100 MiB and 300 MiB, and never
     * more than a share of the heap, so that a part within the cap can still be parsed into text
     * (a 99 MiB document.xml ran a 256 MiB heap out of memory before the cap was reached).
     */
    private static final long MAX_PART = Math.min(100L << 20, Runtime.getRuntime().maxMemory() / 8);
    private static final long MAX_TOTAL = Math.min(300L << 20, Runtime.getRuntime().maxMemory() / 3);

    private final ZipFile zip;
    private long inflated;

    private DocxPackage(ZipFile zip) {
        this.zip = zip;
    }

    static DocxPackage open(Path file) throws IOException, ConversionException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ConversionException("not a DOCX file: " + describe(file));
        }
        if (zip.size() > MAX_ENTRIES) {
            zip.close();
            throw new ConversionException("not a usable DOCX file: too many zip entries");
        }
        return new DocxPackage(zip);
    }

    private static String describe(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[] bytes = java.util.Arrays.copyOf(head, n);
        if (n >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF) {
            return "it is an encrypted or old-format (.doc) Word file; save it as .docx";
        }
        return "the file looks like " + ContentSniffer.describe(bytes);
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The part's bytes as a stream that fails once the inflation caps are passed. */
    InputStream open(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        return new Capped(zip.getInputStream(entry));
    }

    /** A streaming XML reader for a part, or null when the part is missing. */
    XMLStreamReader xml(String name) throws IOException, ConversionException {
        InputStream in = open(name);
        if (in == null) {
            return null;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new ConversionException("damaged DOCX: " + name + " is not readable XML");
        }
    }

    /** The relationships of a part: id to target path (resolved inside the package) or external URL. */
    Map<String, String> relationships(String part) throws IOException, ConversionException {
        int slash = part.lastIndexOf('/');
        String dir = slash < 0 ? "" : part.substring(0, slash + 1);
        String relsName = dir + "_rels/" + part.substring(slash + 1) + ".rels";
        Map<String, String> rels = new HashMap<>();
        XMLStreamReader r = xml(relsName);
        if (r == null) {
            return rels;
        }
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                    String target = r.getAttributeValue(null, "Target");
                    String mode = r.getAttributeValue(null, "TargetMode");
                    if (target != null) {
                        boolean external = "External".equalsIgnoreCase(mode);
                        rels.put(r.getAttributeValue(null, "Id"), external ? target : resolve(dir, target));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ConversionException("damaged DOCX: " + relsName + " is not readable XML");
        }
        return rels;
    }

    private static String resolve(String dir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                parts.pollLast();
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts inflated bytes: zip headers can lie about sizes, the stream cannot. */
    private final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            inflated += n;
            if (read > MAX_PART || inflated > MAX_TOTAL) {
                throw new ZipBombException();
            }
        }
    }

    /** Thrown when a part inflates past the caps. */
    static final class ZipBombException extends IOException {
        ZipBombException() {
            super("DOCX inflates to more than the allowed size (possible zip bomb)");
        }
    }
}
